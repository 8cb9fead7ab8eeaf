package org.kslim;

/**
 * Problems that kslim reports as warnings (an unresolved symbol, a duplicate exporter, a
 * dependency cycle) turned into an error by {@code --strict}. Exit code 3.
 *
 * <pre>{@code
 * throw new StrictProblemsException("4 problems found (--strict)");
 * }</pre>
 */
public class StrictProblemsException extends KslimException {
  private static final long serialVersionUID = 1L;

  public StrictProblemsException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return STRICT_PROBLEMS;
  }

  /** Fails when {@code strict} is on and {@code count} problems were found. */
  public static void throwIfStrict(boolean strict, int count) {
    if (strict && count > 0) {
      throw new StrictProblemsException(count + (count == 1 ? " problem" : " problems") + " found (--strict)");
    }
  }
}

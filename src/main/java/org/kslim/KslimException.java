package org.kslim;

/**
 * The root of every error kslim reports to a user: each carries the process exit code and a
 * one-line message that names the file (and entry, offset or line) and the reason.
 *
 * <pre>{@code
 * try {
 *   ...
 * } catch (KslimException e) {
 *   System.err.println("kslim: " + e.getMessage());
 *   System.exit(e.exitCode());
 * }
 * }</pre>
 *
 * <p>Exit codes: {@link #BAD_INPUT} for bad input or usage, {@link #CHECK_FAILED} for a failed
 * check or budget, {@link #STRICT_PROBLEMS} for problems that {@code --strict} turns into errors.
 */
public abstract class KslimException extends RuntimeException {
  public static final int CHECK_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int STRICT_PROBLEMS = 3;

  private static final long serialVersionUID = 1L;

  protected KslimException(String message) {
    super(message);
  }

  protected KslimException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code for this error. */
  public abstract int exitCode();
}

package org.kslim;

/**
 * A check did what it was asked and found a failure: a budget breached, an unapproved move into
 * core, a requirement unmet. Exit code 1.
 *
 * <pre>{@code
 * throw new CheckFailedException("modules-core: installed 63.2 MiB exceeds budget 60.0 MiB");
 * }</pre>
 */
public class CheckFailedException extends KslimException {
  private static final long serialVersionUID = 1L;

  public CheckFailedException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return CHECK_FAILED;
  }
}

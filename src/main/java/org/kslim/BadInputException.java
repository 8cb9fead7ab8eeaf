package org.kslim;

/**
 * Input kslim cannot use: a file that does not exist or cannot be read, a corrupt archive, a
 * policy with an error, a path that would escape the output folder. Exit code 2.
 *
 * <pre>{@code
 * throw new BadInputException("policy.yaml:12: unknown key 'reasn'");
 * }</pre>
 */
public class BadInputException extends KslimException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return BAD_INPUT;
  }
}

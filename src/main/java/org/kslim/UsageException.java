package org.kslim;

/**
 * A command was called wrongly: a missing argument, options that exclude each other, a package
 * holding several kernel versions without {@code --kver}. Exit code 2.
 *
 * <pre>{@code
 * throw new UsageException("pkg.deb holds kernels 6.1.0-56-amd64 and 6.1.0-47-amd64: pass --kver");
 * }</pre>
 */
public class UsageException extends KslimException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return BAD_INPUT;
  }
}

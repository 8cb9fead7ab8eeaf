package org.kslim.testing;

import org.kslim.InputLimit;

/**
 * Runs test code with one {@link InputLimit} set through its system property, restoring the
 * property afterwards.
 *
 * <pre>{@code
 * LimitProperties.with(SourceLimits.PAYLOAD_SIZE, "1K", () -> assertThatThrownBy(() -> read(deb)));
 * }</pre>
 */
public final class LimitProperties {
  /** Test code that may throw. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  private LimitProperties() {}

  public static void with(InputLimit limit, String value, Body body) throws Exception {
    String before = System.getProperty(limit.property());
    System.setProperty(limit.property(), value);
    try {
      body.run();
    } finally {
      if (before == null) {
        System.clearProperty(limit.property());
      } else {
        System.setProperty(limit.property(), before);
      }
    }
  }
}

package org.kslim.testing;

import org.kslim.InputLimit;

/**
 * Runs test code with one {@link InputLimit} (or any system property) set through its system
 * property, restoring the property afterwards.
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
    withProperty(limit.property(), value, body);
  }

  /** Runs {@code body} with the system property {@code name} set to {@code value}, then restores it. */
  public static void withProperty(String name, String value, Body body) throws Exception {
    String before = System.getProperty(name);
    System.setProperty(name, value);
    try {
      body.run();
    } finally {
      if (before == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, before);
      }
    }
  }
}

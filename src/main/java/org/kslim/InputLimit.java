package org.kslim;

import java.util.Locale;

/**
 * A limit on a size hostile input could claim, with its default, raised (or lowered) by the
 * system property {@code kslim.limit.NAME}: a number of bytes (or of entries, for a count) with
 * an optional binary suffix {@code K}, {@code M}, {@code G} or {@code T} ({@code KiB}... too).
 * The JVM reads the property when the limit is asked for, so pass it when the JVM starts:
 * {@code KSLIM_JAVA_OPTS="-Dkslim.limit.payload-size=16G" kslim check big.deb}. docs/robustness.md
 * lists every limit.
 *
 * <pre>{@code
 * long max = new InputLimit("payload-size", 8L << 30).value();   // 8 GiB unless -Dkslim.limit.payload-size=...
 * }</pre>
 *
 * @param name the limit's name, the property's last part
 * @param defaultValue the value without the property
 */
public record InputLimit(String name, long defaultValue) {
  /** The prefix of every limit's system property. */
  public static final String PROPERTY_PREFIX = "kslim.limit.";

  private static final String SUFFIXES = "KMGT";

  public InputLimit {
    if (name == null || !name.matches("[a-z][a-z-]*")) {
      throw new IllegalArgumentException("name must be lower-case words joined by '-': " + name);
    }
    if (defaultValue <= 0) {
      throw new IllegalArgumentException("defaultValue must be positive: " + defaultValue);
    }
  }

  /** The system property that sets this limit. */
  public String property() {
    return PROPERTY_PREFIX + name;
  }

  /**
   * The property's value, or the default when it is not set.
   *
   * @throws UsageException when the property is not a positive size
   */
  public long value() {
    String text = System.getProperty(property());
    return text == null ? defaultValue : parse(text.strip());
  }

  /** {@link #value()} as an int, for limits on counts and array sizes; larger values are an error. */
  public int intValue() {
    long value = value();
    if (value > Integer.MAX_VALUE - 8) {
      throw new UsageException(property() + " must be at most " + (Integer.MAX_VALUE - 8) + ": " + value);
    }
    return (int) value;
  }

  private long parse(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    String digits = upper.endsWith("IB") ? upper.substring(0, upper.length() - 2) : upper;
    int shift = 0;
    if (!digits.isEmpty() && SUFFIXES.indexOf(digits.charAt(digits.length() - 1)) >= 0) {
      shift = 10 * (SUFFIXES.indexOf(digits.charAt(digits.length() - 1)) + 1);
      digits = digits.substring(0, digits.length() - 1);
    }
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      throw new UsageException(property() + " must be a size such as 1048576, 512M or 8G: '" + text + "'");
    }
    long number = Long.parseLong(digits);
    if (number == 0 || number > Long.MAX_VALUE >> shift) {
      throw new UsageException(property() + " must be a positive size below 8 EiB: '" + text + "'");
    }
    return number << shift;
  }
}

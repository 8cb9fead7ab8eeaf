package org.kslim.kmod;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A device number from a {@code char-major-M-N} or {@code block-major-M-N} alias, read the way
 * depmod reads it ({@code sscanf} with {@code %u}: leading blanks, an optional sign, decimal
 * digits, the value taken modulo 2^32; anything after the minor number ignored).
 *
 * <pre>{@code
 * DeviceNumber.parse("char-major-10-229");  // Optional[DeviceNumber[type=c, major=10, minor=229]]
 * }</pre>
 *
 * @param type {@code 'c'} or {@code 'b'}
 * @param major the major number as an unsigned 32-bit value
 * @param minor the minor number as an unsigned 32-bit value
 */
record DeviceNumber(char type, long major, long minor) {
  private static final BigInteger UNSIGNED_LONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  static Optional<DeviceNumber> parse(String alias) {
    if (alias.startsWith("char-major-")) {
      return parse('c', alias, "char-major-".length());
    }
    if (alias.startsWith("block-major-")) {
      return parse('b', alias, "block-major-".length());
    }
    return Optional.empty();
  }

  /** {@code c10:229}, as modules.devname writes it. */
  String text() {
    return type + Long.toString(major) + ":" + minor;
  }

  private static Optional<DeviceNumber> parse(char type, String alias, int at) {
    Scan major = scan(alias, at);
    if (major == null || major.end() >= alias.length() || alias.charAt(major.end()) != '-') {
      return Optional.empty();
    }
    Scan minor = scan(alias, major.end() + 1);
    if (minor == null) {
      return Optional.empty();
    }
    return Optional.of(new DeviceNumber(type, major.value(), minor.value()));
  }

  /** One {@code %u} conversion from {@code at}; null when no digit follows. */
  private static Scan scan(String text, int at) {
    int i = at;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int digits = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i == digits) {
      return null;
    }
    BigInteger value = new BigInteger(text.substring(digits, i));
    if (value.compareTo(UNSIGNED_LONG_MAX) > 0) {
      value = UNSIGNED_LONG_MAX;
    } else if (negative) {
      value = value.negate();
    }
    return new Scan(value.longValue() & 0xffffffffL, i);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private record Scan(long value, int end) {}
}

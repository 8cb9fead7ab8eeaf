package org.kslim.policy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kslim.size.Measure;

/**
 * Sizes written in a policy ({@code 60MiB}, {@code 20MB}, {@code 512KiB}, {@code 1GB}, plain
 * bytes), read in a measure's unit: bytes, KiB for {@code installed-kib} (a plain number is
 * KiB there), a plain count for {@code files}.
 */
final class Quantity {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
  private static final Map<String, Long> UNITS = Map.ofEntries(
      Map.entry("B", 1L),
      Map.entry("kB", 1000L), Map.entry("KB", 1000L), Map.entry("MB", 1000_000L),
      Map.entry("GB", 1000_000_000L), Map.entry("TB", 1000_000_000_000L),
      Map.entry("KiB", 1L << 10), Map.entry("MiB", 1L << 20), Map.entry("GiB", 1L << 30), Map.entry("TiB", 1L << 40));

  private Quantity() {}

  /** {@code text} in the unit of {@code measure}; fails with the reason for a malformed size. */
  static long parse(String text, Measure measure) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("malformed size '" + text + "' (write e.g. 60MiB, 20MB, 512KiB, 1GB or bytes)");
    }
    String unit = m.group(2);
    if (measure == Measure.FILES && !unit.isEmpty()) {
      throw new IllegalArgumentException("the files measure is a count, not a size: '" + text + "'");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    BigDecimal value;
    if (unit.isEmpty()) {
      value = number;
    } else {
      Long factor = UNITS.get(unit);
      if (factor == null) {
        throw new IllegalArgumentException("malformed size '" + text + "': unknown unit '" + unit
            + "' (known: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB)");
      }
      BigDecimal bytes = number.multiply(BigDecimal.valueOf(factor));
      value = measure == Measure.INSTALLED_KIB ? bytes.divide(BigDecimal.valueOf(1024)) : bytes;
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("malformed size '" + text + "': not a whole number of "
          + (measure == Measure.INSTALLED_KIB ? "KiB" : measure == Measure.FILES ? "files" : "bytes"), e);
    }
  }
}

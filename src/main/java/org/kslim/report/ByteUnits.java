package org.kslim.report;

import java.util.Locale;
import org.kslim.size.Measure;

/**
 * Byte counts as a person reads them in a terminal: binary units with one decimal.
 *
 * <pre>{@code
 * ByteUnits.format(97_000_000L);   // "92.5 MiB"
 * ByteUnits.format(512);           // "512 B"
 * ByteUnits.of(Measure.INSTALLED_KIB, 900);   // "900 KiB"
 * }</pre>
 */
public final class ByteUnits {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

  private ByteUnits() {}

  public static String format(long bytes) {
    long magnitude = Math.abs(bytes);
    if (magnitude < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** An amount of {@code measure}: bytes in binary units, installed-kib in KiB, files as a count. */
  public static String of(Measure measure, long value) {
    return switch (measure) {
      case INSTALLED_KIB -> value + " KiB";
      case FILES -> Long.toString(value);
      default -> format(value);
    };
  }

  /** A signed change: {@code +1.5 MiB}, {@code -300 B}. */
  public static String formatChange(long bytes) {
    return (bytes > 0 ? "+" : "") + format(bytes);
  }
}

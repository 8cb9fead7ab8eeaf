package org.kslim.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How much a package may grow: an amount in the measure's unit, or a percentage of the size it
 * grows from.
 *
 * <pre>{@code
 * Growth.percent(new BigDecimal("2")).allowed(50_000_000L);   // 1_000_000
 * Growth.amount(1L << 20).allowed(50_000_000L);               // 1_048_576
 * }</pre>
 *
 * @param value bytes (KiB for {@code installed-kib}, a count for {@code files}), or a percentage
 * @param percent whether {@code value} is a percentage
 */
public record Growth(BigDecimal value, boolean percent) {
  public Growth {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("growth must be >= 0: " + value);
    }
  }

  public static Growth amount(long value) {
    return new Growth(BigDecimal.valueOf(value), false);
  }

  public static Growth percent(BigDecimal value) {
    return new Growth(value, true);
  }

  /** The growth allowed from {@code base}: the amount, or the percentage of {@code base} rounded down. */
  public long allowed(long base) {
    if (!percent) {
      return value.longValueExact();
    }
    return BigDecimal.valueOf(base).multiply(value).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact();
  }

  /** {@code "2%"} or {@code "1048576"}. */
  @Override
  public String toString() {
    return value.toPlainString() + (percent ? "%" : "");
  }
}

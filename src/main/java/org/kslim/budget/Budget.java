package org.kslim.budget;

import java.util.Objects;
import org.kslim.size.Measure;

/**
 * The most a package may measure: bytes, or KiB for {@link Measure#INSTALLED_KIB}, or a count
 * for {@link Measure#FILES}.
 *
 * <pre>{@code
 * Budget b = new Budget("modules-core", Measure.COMPRESSED, 30L << 20);   // 30 MiB of xz payload
 * }</pre>
 */
public record Budget(String pkg, Measure measure, long limit) {
  public Budget {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(measure, "measure");
    if (limit < 0) {
      throw new IllegalArgumentException("budget limit must not be negative: " + limit + " for " + pkg);
    }
  }
}

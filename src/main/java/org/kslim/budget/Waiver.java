package org.kslim.budget;

import java.time.LocalDate;
import java.util.Objects;
import org.kslim.size.Measure;

/**
 * An approved, dated exception to a budget: the package may exceed its budget for the measure
 * by {@code allow} (same unit as the budget) through {@code expires}, inclusive.
 *
 * <pre>{@code
 * Waiver w = new Waiver("modules-core", Measure.COMPRESSED, 2L << 20,
 *     "nvme-tcp needed for the 2026 storage rollout", "kernel-team", LocalDate.of(2026, 12, 31));
 * w.activeOn(LocalDate.of(2027, 1, 1));   // false: expired
 * }</pre>
 */
public record Waiver(String pkg, Measure measure, long allow, String reason, String approvedBy,
    LocalDate expires) {
  public Waiver {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(approvedBy, "approvedBy");
    Objects.requireNonNull(expires, "expires");
    if (allow < 0) {
      throw new IllegalArgumentException("waiver allowance must not be negative: " + allow + " for " + pkg);
    }
  }

  /** Whether the waiver still applies on {@code today} (it does on its expiry date). */
  public boolean activeOn(LocalDate today) {
    return !today.isAfter(expires);
  }

  boolean covers(Budget budget) {
    return pkg.equals(budget.pkg()) && measure == budget.measure();
  }
}

package org.kslim.policy;

import java.time.LocalDate;
import java.util.Objects;
import org.kslim.size.Measure;

/**
 * A budget overrun allowed up to {@code allow} (in the measure's unit: bytes, KiB for
 * {@code installed-kib}, a count for {@code files}) until {@code expires}, with who approved it.
 *
 * <pre>{@code
 * Waiver nfs = new Waiver("modules-core", Measure.INSTALLED, 3L << 20, "NFS client, bug 1234",
 *     "cloud-team", LocalDate.parse("2027-06-30"), new Location("cloud.yaml", 40));
 * }</pre>
 */
public record Waiver(
    String pkg,
    Measure measure,
    long allow,
    String reason,
    String approvedBy,
    LocalDate expires,
    Location where) {
  public Waiver {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(measure, "measure");
    if (allow < 0) {
      throw new IllegalArgumentException("allow must be >= 0: " + allow);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(approvedBy, "approvedBy");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(where, "where");
  }

  /** Whether the waiver still applies on {@code today} (it does on its expiry date). */
  public boolean activeOn(LocalDate today) {
    return !today.isAfter(expires);
  }
}

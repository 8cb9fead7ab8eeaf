package org.kslim.policy;

import java.util.Objects;
import org.kslim.size.Measure;

/**
 * A limit on how much a package may grow: from one release to the next ({@code releases} 1,
 * {@code per-release:} in a policy), or over a window of {@code releases} releases, against the
 * oldest recorded build in it ({@code window:}).
 *
 * <pre>{@code
 * CreepLimit limit = new CreepLimit("modules-core", Measure.INSTALLED, 1, Growth.amount(1L << 20),
 *     new Location("cloud.yaml", 60));
 * limit.breached(50_000_000L, 51_100_000L);   // true: grew by more than 1 MiB
 * }</pre>
 *
 * @param releases 1 for a per-release limit, else the window's length, the build checked included
 */
public record CreepLimit(String pkg, Measure measure, int releases, Growth growth, Location where) {
  public CreepLimit {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(measure, "measure");
    if (releases < 1) {
      throw new IllegalArgumentException("releases must be >= 1: " + releases);
    }
    Objects.requireNonNull(growth, "growth");
    Objects.requireNonNull(where, "where");
  }

  /** Whether growing from {@code before} to {@code after} exceeds this limit. */
  public boolean breached(long before, long after) {
    return after - before > growth.allowed(before);
  }

  /** {@code "modules-core installed: at most 2% per release"}. */
  @Override
  public String toString() {
    return pkg + " " + measure.key() + ": at most +" + growth
        + (releases == 1 ? " per release" : " over " + releases + " releases");
  }
}

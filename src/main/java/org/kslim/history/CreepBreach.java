package org.kslim.history;

import java.util.List;
import java.util.Objects;
import org.kslim.policy.CreepLimit;

/**
 * A creep limit a build breaks: the package grew more than the policy allows since an earlier
 * recorded build.
 *
 * <pre>{@code
 * for (CreepBreach b : CreepCheck.check(store, build, policy.creepLimits()).breaches()) System.out.println(b.describe());
 * }</pre>
 *
 * @param baseline the build the growth is measured from
 * @param grewMost the package's modules that grew most, largest first (at most five)
 */
public record CreepBreach(CreepLimit limit, BuildInfo baseline, long before, long after, List<ModuleChange> grewMost) {
  public CreepBreach {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(baseline, "baseline");
    grewMost = List.copyOf(grewMost);
  }

  /** {@code "modules-core installed: at most +2% per release: 1000 -> 1100 (+100) since build:3 6.1.0-47...; grew most: ..."}. */
  public String describe() {
    StringBuilder text = new StringBuilder().append(limit).append(" (").append(limit.where()).append("): ")
        .append(before).append(" -> ").append(after).append(" (").append(after - before > 0 ? "+" : "")
        .append(after - before).append(") since ").append(baseline.label());
    if (!grewMost.isEmpty()) {
      text.append("; grew most:");
      for (ModuleChange m : grewMost) {
        text.append(' ').append(m.path()).append(' ').append(m.impact() > 0 ? "+" : "").append(m.impact());
      }
    }
    return text.toString();
  }
}

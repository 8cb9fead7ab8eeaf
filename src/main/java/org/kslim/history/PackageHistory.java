package org.kslim.history;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kslim.size.Measure;

/**
 * One split package over the recorded builds, with the budget and the reasons in force (those
 * of the newest build's policy).
 *
 * <pre>{@code
 * PackageHistory core = SizeHistory.of(store, Optional.of("cloud-amd64"), Optional.empty()).packages().get(0);
 * core.points();   // oldest kernel first
 * }</pre>
 *
 * @param key the package name with version numbers as {@code *}
 * @param points by kernel version, then recording order
 * @param budget the newest policy's limits for the package
 * @param reasons the newest policy's rules that name the package
 */
public record PackageHistory(String key, List<HistoryPoint> points, Map<Measure, Long> budget, List<RuleReason> reasons) {
  public PackageHistory {
    Objects.requireNonNull(key, "key");
    points = List.copyOf(points);
    budget = Map.copyOf(budget);
    reasons = List.copyOf(reasons);
  }
}

package org.kslim.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.policy.CreepLimit;
import org.kslim.size.Measure;

/**
 * Holds a build against the policy's creep limits and the recorded builds of its flavour and
 * architecture that precede it by kernel version: a per-release limit against the newest of
 * them, a window of N releases against the oldest of the N - 1 newest.
 *
 * <pre>{@code
 * CreepResult result = CreepCheck.check(store, build, analysis.policy().creepLimits());
 * result.breaches().forEach(b -> System.out.println(b.describe()));
 * }</pre>
 */
public final class CreepCheck {
  private static final int GREW_MOST = 5;

  private CreepCheck() {}

  /** Every limit held against the build; when no earlier build is recorded, none can be breached. */
  public static CreepResult check(HistoryStore store, Build build, List<CreepLimit> limits) {
    BuildInfo info = build.info();
    List<BuildInfo> earlier = store.builds(Optional.of(info.flavour())).stream()
        .filter(b -> b.architecture().equals(info.architecture()))
        .filter(b -> !b.inputSha256().equals(info.inputSha256()))
        .filter(b -> KernelVersionOrder.INSTANCE.compare(b.kernelVersion(), info.kernelVersion()) < 0)
        .sorted(SizeHistory.RELEASE_ORDER)
        .toList();
    List<CreepBreach> breaches = new ArrayList<>();
    if (earlier.isEmpty()) {
      return new CreepResult(limits, breaches, Optional.empty());
    }
    Map<Long, Build> loaded = new HashMap<>();
    for (CreepLimit limit : limits) {
      BuildInfo baseline = earlier.get(Math.max(0, earlier.size() - (limit.releases() == 1 ? 1 : limit.releases() - 1)));
      breach(limit, loaded.computeIfAbsent(baseline.id(), store::load), build).ifPresent(breaches::add);
    }
    return new CreepResult(limits, breaches, Optional.of(earlier.get(earlier.size() - 1)));
  }

  private static Optional<CreepBreach> breach(CreepLimit limit, Build baseline, Build build) {
    String key = Flavour.pairingKey(limit.pkg());
    Optional<PackageTotal> now = build.packages().stream().filter(p -> Flavour.pairingKey(p.pkg()).equals(key)).findFirst();
    Optional<PackageTotal> then = baseline.packages().stream().filter(p -> Flavour.pairingKey(p.pkg()).equals(key)).findFirst();
    if (now.isEmpty() || then.isEmpty()) {
      return Optional.empty();
    }
    Measure measure = limit.measure();
    long before = then.get().size(measure);
    long after = now.get().size(measure);
    if (!limit.breached(before, after)) {
      return Optional.empty();
    }
    List<ModuleChange> grewMost = BuildDiff.between(baseline, build).modules().stream()
        .filter(m -> Flavour.pairingKey(m.newPkg()).equals(key) && m.impact() > 0)
        .limit(GREW_MOST).toList();
    return Optional.of(new CreepBreach(limit, baseline.info(), before, after, grewMost));
  }
}

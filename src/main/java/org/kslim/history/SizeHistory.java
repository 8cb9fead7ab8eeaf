package org.kslim.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every package's sizes over the recorded builds of a flavour, ordered by kernel version.
 *
 * <pre>{@code
 * SizeHistory history = SizeHistory.of(store, Optional.of("cloud-amd64"), Optional.of("modules-core"));
 * }</pre>
 */
public record SizeHistory(List<PackageHistory> packages) {
  /** Builds by kernel version, then by recording order. */
  public static final Comparator<BuildInfo> RELEASE_ORDER =
      Comparator.comparing(BuildInfo::kernelVersion, KernelVersionOrder.INSTANCE).thenComparingLong(BuildInfo::id);

  public SizeHistory {
    packages = List.copyOf(packages);
  }

  /** The history of the builds of {@code flavour} (all when empty), of package {@code pkg} (all when empty). */
  public static SizeHistory of(HistoryStore store, Optional<String> flavour, Optional<String> pkg) {
    return of(store.builds(flavour).stream().sorted(RELEASE_ORDER).map(b -> store.load(b.id())).toList(), pkg);
  }

  /**
   * The history of {@code current}'s flavour and architecture ending with {@code current}, recorded
   * or not: the recorded builds, less any recorded from the same input under the same policy
   * (that is {@code current} again), then {@code current} after the builds of its kernel version.
   */
  public static SizeHistory around(HistoryStore store, Build current) {
    BuildInfo info = current.info();
    List<Build> builds = new ArrayList<>();
    store.builds(Optional.of(info.flavour())).stream()
        .filter(b -> b.architecture().equals(info.architecture()))
        .filter(b -> !(b.inputSha256().equals(info.inputSha256()) && b.policyHash().equals(info.policyHash())))
        .sorted(RELEASE_ORDER)
        .forEach(b -> builds.add(store.load(b.id())));
    int at = 0;
    while (at < builds.size()
        && KernelVersionOrder.INSTANCE.compare(builds.get(at).info().kernelVersion(), info.kernelVersion()) <= 0) {
      at++;
    }
    builds.add(at, current);
    return of(builds, Optional.empty());
  }

  private static SizeHistory of(List<Build> builds, Optional<String> pkg) {
    Map<String, List<HistoryPoint>> points = new LinkedHashMap<>();
    for (Build build : builds) {
      for (PackageTotal total : build.packages()) {
        String key = Flavour.pairingKey(total.pkg());
        if (pkg.isEmpty() || pkg.get().equals(total.pkg()) || pkg.get().equals(key)) {
          points.computeIfAbsent(key, k -> new ArrayList<>()).add(new HistoryPoint(build.info(), total.pkg(), total.sizes()));
        }
      }
    }
    List<PackageHistory> packages = new ArrayList<>();
    points.forEach((key, list) -> {
      Build newest = builds.stream().filter(b -> b.info().equals(list.get(list.size() - 1).build())).findFirst().orElseThrow();
      String name = list.get(list.size() - 1).pkg();
      packages.add(new PackageHistory(key, list, newest.budgets().getOrDefault(name, Map.of()),
          newest.rules().stream().filter(r -> r.pkg().equals(name)).toList()));
    });
    return new SizeHistory(packages);
  }
}

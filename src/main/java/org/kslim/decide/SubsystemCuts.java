package org.kslim.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.check.SplitAnalysis;
import org.kslim.size.FileSizes;
import org.kslim.split.Placement;

/**
 * The largest optional subsystems of the core package: for each folder under {@code kernel/} (two
 * levels, as the report's treemap groups them), largest installed size first, what moving it to
 * the nearest package above core would save, keeping only moves that break nothing and move no
 * {@code require:}d module. Answered from one analysis; nothing is read or compressed again.
 *
 * <pre>{@code
 * for (SubsystemCut cut : SubsystemCuts.largest(analysis, 10)) {
 *   System.out.println(cut.subsystem() + " " + cut.outcome().change("modules-core").delta(Measure.INSTALLED));
 * }
 * }</pre>
 */
public final class SubsystemCuts {
  private SubsystemCuts() {}

  /**
   * Up to {@code limit} cuts, largest first; empty when no package sits above core (nowhere to
   * move to) or none of core's subsystems can leave it.
   */
  public static List<SubsystemCut> largest(SplitAnalysis analysis, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    String core = analysis.split().core();
    PackageOrder order = new PackageOrder(analysis.split().packages(), analysis.policy());
    if (order.nearestAbove(core).isEmpty()) {
      return List.of();
    }
    WhatIf whatIf = new WhatIf(analysis);
    List<SubsystemCut> cuts = new ArrayList<>();
    for (String subsystem : bySize(analysis, core)) {
      if (cuts.size() == limit) {
        break;
      }
      Selector selector = new Selector("kernel/" + subsystem);
      WhatIfOutcome outcome = whatIf.evaluate(List.of(selector), core, null);
      if (outcome.acceptable()) {
        cuts.add(new SubsystemCut(subsystem, selector, outcome));
      }
    }
    return List.copyOf(cuts);
  }

  /** The subsystems holding modules of {@code core}, largest installed size first. */
  private static List<String> bySize(SplitAnalysis analysis, String core) {
    ModuleFiles files = new ModuleFiles(analysis.sizes());
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (Placement placement : analysis.split().placements().values()) {
      Optional<String> subsystem = subsystemOf(placement.module());
      if (placement.pkg().equals(core) && subsystem.isPresent()) {
        long installed = files.of(placement.module()).map(FileSizes::installed).orElse(0L);
        sizes.merge(subsystem.get(), installed, Long::sum);
      }
    }
    return sizes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
  }

  /** {@code kernel/drivers/net/virtio_net.ko} -> {@code drivers/net}; empty for a module outside a folder of kernel/. */
  static Optional<String> subsystemOf(String modulePath) {
    if (!modulePath.startsWith("kernel/")) {
      return Optional.empty();
    }
    String[] parts = modulePath.substring("kernel/".length()).split("/");
    if (parts.length < 2) {
      return Optional.empty();
    }
    return Optional.of(parts.length == 2 ? parts[0] : parts[0] + "/" + parts[1]);
  }
}

package org.kslim.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kslim.check.SplitAnalysis;
import org.kslim.size.Measure;
import org.kslim.split.Placement;

/**
 * The largest optional subsystems of the core package: for each folder under {@code kernel/} (two
 * levels, as the report's treemap groups them), what moving it to the nearest package above core
 * would save, largest installed saving first, keeping only moves that break nothing, move no
 * {@code require:}d module and move anything at all (a subsystem whose modules staying ones need
 * is held back whole). Answered from one analysis; nothing is read or compressed again.
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
    for (String subsystem : subsystems(analysis, core)) {
      Selector selector = new Selector("kernel/" + subsystem);
      WhatIfOutcome outcome = whatIf.evaluate(List.of(selector), core, null);
      if (outcome.acceptable() && !outcome.moved().isEmpty()) {
        cuts.add(new SubsystemCut(subsystem, selector, outcome));
      }
    }
    return cuts.stream()
        .sorted(Comparator.comparingLong((SubsystemCut cut) -> cut.outcome().change(core).delta(Measure.INSTALLED))
            .thenComparing(SubsystemCut::subsystem))
        .limit(limit).toList();
  }

  /** The subsystems holding modules of {@code core}, sorted. */
  private static Set<String> subsystems(SplitAnalysis analysis, String core) {
    Set<String> subsystems = new TreeSet<>();
    for (Placement placement : analysis.split().placements().values()) {
      if (placement.pkg().equals(core)) {
        subsystemOf(placement.module()).ifPresent(subsystems::add);
      }
    }
    return subsystems;
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

package org.kslim.decide;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.size.Measure;
import org.kslim.size.PackageSizes;
import org.kslim.size.SizeSheet;
import org.kslim.source.EntryType;

/**
 * Replaces a what-if's estimates by real figures: measures the package again with the moved
 * modules in their new package, really writing and compressing every changed payload.
 *
 * <pre>{@code
 * WhatIfOutcome exact = ExactChange.of(whatIf.analysis(), request, estimate);
 * exact.change("modules-core").bound(Measure.COMPRESSED);   // 0
 * }</pre>
 */
public final class ExactChange {
  private ExactChange() {}

  /** {@code estimate} with every package's change measured; {@code request} is the analysis's. */
  public static WhatIfOutcome of(SplitAnalysis analysis, CheckRequest request, WhatIfOutcome estimate) {
    Set<String> moved = new HashSet<>(estimate.moved());
    List<String> warnings = new ArrayList<>();
    SizeSheet sheet = SplitAnalyzer.measure(request, analysis.policy(), entry -> {
      if (entry.type() == EntryType.DIRECTORY) {
        return Optional.of(analysis.split().image());
      }
      boolean leaves = ModuleFiles.modulePath(entry.path()).filter(moved::contains).isPresent();
      return leaves ? estimate.to() : Optional.of(analysis.split().packageOfEntry(entry.path()));
    }, warnings::add);
    List<SizeChange> changes = new ArrayList<>();
    for (SizeChange change : estimate.changes()) {
      Map<Measure, Long> delta = new EnumMap<>(Measure.class);
      Map<Measure, Long> after = sheet.find(change.pkg()).map(PackageSizes::measures).orElse(Map.of());
      for (Measure measure : Measure.values()) {
        delta.put(measure, after.getOrDefault(measure, 0L) - change.before(measure));
      }
      changes.add(new SizeChange(change.pkg(), change.before(), delta, Map.of()));
    }
    return new WhatIfOutcome(estimate.from(), estimate.to(), estimate.selected(), estimate.heldBack(), estimate.moved(),
        changes,
        estimate.breaks(), estimate.refusals());
  }
}

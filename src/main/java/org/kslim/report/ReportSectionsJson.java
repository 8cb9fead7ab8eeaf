package org.kslim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.kslim.budget.Verdict;
import org.kslim.check.SplitAnalysis;
import org.kslim.decide.SizeChange;
import org.kslim.decide.SubsystemCut;
import org.kslim.decide.WhatIfOutcome;
import org.kslim.history.BuildInfo;
import org.kslim.history.CreepBreach;
import org.kslim.history.CreepResult;
import org.kslim.history.HistoryPoint;
import org.kslim.history.KernelVersionOrder;
import org.kslim.history.PackageHistory;
import org.kslim.history.SizeHistory;
import org.kslim.policy.CreepLimit;
import org.kslim.size.Measure;

/** The {@code whatif}, {@code history}, {@code historyBudgets} and {@code creep} keys of report.json. */
final class ReportSectionsJson {
  /** Builds by kernel version; the build being reported (not recorded, id 0) after those of its version. */
  private static final Comparator<BuildInfo> TREND_ORDER = Comparator
      .comparing(BuildInfo::kernelVersion, KernelVersionOrder.INSTANCE)
      .thenComparingLong(b -> b.id() == 0 ? Long.MAX_VALUE : b.id());

  private ReportSectionsJson() {}

  static void put(Map<String, Object> root, SplitAnalysis analysis, ReportSections sections) {
    if (!sections.cuts().isEmpty()) {
      root.put("whatif", sections.cuts().stream().map(cut -> cutJson(analysis, cut)).toList());
    }
    sections.trend().ifPresent(trend -> {
      root.put("history", historyJson(trend));
      root.put("historyBudgets", trend.packages().stream().map(ReportSectionsJson::budgetJson).toList());
    });
    sections.creep().ifPresent(creep -> root.put("creep", creepJson(creep)));
  }

  private static Map<String, Object> cutJson(SplitAnalysis analysis, SubsystemCut cut) {
    WhatIfOutcome outcome = cut.outcome();
    String to = outcome.to().orElse("none");
    SizeChange from = outcome.change(outcome.from());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("change", "move " + cut.subsystem() + " from " + outcome.from() + " to " + to
        + " (" + outcome.moved().size() + " modules)");
    json.put("subsystem", cut.subsystem());
    json.put("selector", cut.selector().text());
    json.put("from", outcome.from());
    json.put("to", to);
    json.put("moved", outcome.moved().size());
    List<Verdict> budgets = analysis.budgets().verdicts().stream().filter(v -> v.pkg().equals(outcome.from())).toList();
    if (!budgets.isEmpty()) {
      json.put("passed", budgets.stream().allMatch(v -> from.after(v.measure()) <= v.limit()));
    }
    json.put("packages", outcome.changes().stream().map(ReportSectionsJson::changeJson).toList());
    return json;
  }

  private static Map<String, Object> changeJson(SizeChange change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", change.pkg());
    json.put("measures", measures(change::after));
    json.put("delta", measures(change::delta));
    json.put("bound", measures(change::bound));
    return json;
  }

  private static Map<String, Object> measures(ToLongFunction<Measure> value) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Measure measure : Measure.values()) {
      json.put(measure.key(), value.applyAsLong(measure));
    }
    return json;
  }

  private static List<Object> historyJson(SizeHistory trend) {
    Set<BuildInfo> builds = new LinkedHashSet<>();
    trend.packages().forEach(p -> p.points().forEach(point -> builds.add(point.build())));
    List<Object> json = new ArrayList<>();
    for (BuildInfo build : builds.stream().sorted(TREND_ORDER).toList()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("label", build.id() == 0 ? build.kernelVersion() + " (this build)" : build.label());
      entry.put("build", build.id() == 0 ? null : build.id());
      entry.put("kernelVersion", build.kernelVersion());
      entry.put("recordedAt", build.id() == 0 ? null : build.recordedAt().toString());
      List<Object> packages = new ArrayList<>();
      for (PackageHistory pkg : trend.packages()) {
        point(pkg, build).ifPresent(point -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("name", pkg.key());
          p.put("package", point.pkg());
          p.put("measures", measures(m -> point.sizes().getOrDefault(m, 0L)));
          packages.add(p);
        });
      }
      entry.put("packages", packages);
      json.add(entry);
    }
    return json;
  }

  private static Optional<HistoryPoint> point(PackageHistory pkg, BuildInfo build) {
    return pkg.points().stream().filter(p -> p.build().equals(build)).findFirst();
  }

  private static Map<String, Object> budgetJson(PackageHistory pkg) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", pkg.key());
    json.put("budget", JsonText.byKey(pkg.budget()));
    return json;
  }

  private static Map<String, Object> creepJson(CreepResult creep) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("passed", creep.passed());
    json.put("newestEarlier", creep.newestEarlier().map(BuildInfo::label).orElse(null));
    List<Object> limits = new ArrayList<>();
    for (CreepLimit limit : creep.limits()) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("limit", limit.toString());
      l.put("package", limit.pkg());
      l.put("measure", limit.measure().key());
      l.put("where", limit.where().toString());
      Optional<CreepBreach> breach = creep.breach(limit);
      l.put("breached", breach.isPresent());
      l.put("before", breach.map(CreepBreach::before).orElse(null));
      l.put("after", breach.map(CreepBreach::after).orElse(null));
      l.put("since", breach.map(b -> b.baseline().label()).orElse(null));
      l.put("grewMost", breach.map(b -> b.grewMost().stream().map(m -> Map.of("path", m.path(), "impact", m.impact()))
          .toList()).orElse(List.of()));
      limits.add(l);
    }
    json.put("limits", limits);
    return json;
  }
}

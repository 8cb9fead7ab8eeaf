package org.kslim.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kslim.check.SplitAnalysis;
import org.kslim.decide.SubsystemCut;
import org.kslim.decide.SubsystemCuts;
import org.kslim.history.Build;
import org.kslim.history.CreepCheck;
import org.kslim.history.CreepResult;
import org.kslim.history.HistoryStore;
import org.kslim.history.SizeHistory;

/**
 * What a split report shows beyond the analysis itself: the what-if table of the largest optional
 * subsystems, the trend of earlier builds and the creep limits (both when a history is given).
 *
 * <pre>{@code
 * ReportSections sections = ReportSections.of(analysis).withHistory(store, build, analysis);
 * String json = SplitReportJson.toJson(analysis, List.of(), sections);
 * }</pre>
 */
public record ReportSections(List<SubsystemCut> cuts, Optional<SizeHistory> trend, Optional<CreepResult> creep) {
  /** No section beyond the analysis. */
  public static final ReportSections NONE = new ReportSections(List.of(), Optional.empty(), Optional.empty());

  /** How many of the largest optional subsystems the what-if table holds. */
  public static final int CUTS = 10;

  public ReportSections {
    cuts = List.copyOf(cuts);
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(creep, "creep");
  }

  /** The what-if table of {@code analysis}: its {@link #CUTS} largest optional subsystems. */
  public static ReportSections of(SplitAnalysis analysis) {
    return NONE.withCuts(SubsystemCuts.largest(analysis, CUTS));
  }

  /**
   * These sections with the trend of {@code build}'s flavour and its creep limits (those of the
   * policy it was split by) against the builds recorded in {@code store}.
   */
  public ReportSections withHistory(HistoryStore store, Build build, SplitAnalysis analysis) {
    return withTrend(SizeHistory.around(store, build))
        .withCreep(CreepCheck.check(store, build, analysis.policy().creepLimits()));
  }

  public ReportSections withCuts(List<SubsystemCut> value) {
    return new ReportSections(value, trend, creep);
  }

  public ReportSections withTrend(SizeHistory value) {
    return new ReportSections(cuts, Optional.of(value), creep);
  }

  public ReportSections withCreep(CreepResult value) {
    return new ReportSections(cuts, trend, Optional.of(value));
  }
}

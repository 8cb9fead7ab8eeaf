package org.kslim.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.kslim.history.HistoryPoint;
import org.kslim.history.PackageHistory;
import org.kslim.history.RuleReason;
import org.kslim.history.SizeHistory;
import org.kslim.size.Measure;

/**
 * What {@code kslim history} prints: per package, one line per recorded build in kernel order
 * with every measure, then its budget and the rules (with reasons) that name it.
 *
 * <pre>{@code
 * SizeHistoryText.print(SizeHistory.of(store, Optional.empty(), Optional.empty()), new PrintWriter(System.out, true));
 * }</pre>
 */
public final class SizeHistoryText {
  private SizeHistoryText() {}

  public static void print(SizeHistory history, PrintWriter out) {
    if (history.packages().isEmpty()) {
      out.println("no recorded builds");
      return;
    }
    for (PackageHistory pkg : history.packages()) {
      out.printf(Locale.ROOT, "%s%n", pkg.key());
      out.printf(Locale.ROOT, "  %-9s %-28s %-10s %6s %12s %10s %12s %12s%n",
          "build", "kernel", "recorded", "files", "installed", "inst-kib", "disk", "compressed");
      for (HistoryPoint point : pkg.points()) {
        Map<Measure, Long> s = point.sizes();
        out.printf(Locale.ROOT, "  %-9s %-28s %-10s %6d %12d %10d %12d %12d%n", "build:" + point.build().id(),
            point.build().kernelVersion(), point.build().recordedAt().toString().substring(0, 10),
            s.get(Measure.FILES), s.get(Measure.INSTALLED), s.get(Measure.INSTALLED_KIB), s.get(Measure.DISK),
            s.get(Measure.COMPRESSED));
      }
      if (!pkg.budget().isEmpty()) {
        StringBuilder budget = new StringBuilder();
        pkg.budget().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> budget.append(' ').append(e.getKey().key()).append(' ').append(e.getValue()));
        out.printf(Locale.ROOT, "  budget:%s%n", budget);
      }
      for (RuleReason rule : pkg.reasons()) {
        out.printf(Locale.ROOT, "  rule %s: %s%n", rule.rule(), rule.reason().isEmpty() ? "(no reason)" : rule.reason());
      }
    }
  }
}

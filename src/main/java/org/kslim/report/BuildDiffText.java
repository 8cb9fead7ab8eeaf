package org.kslim.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kslim.history.BuildDiff;
import org.kslim.history.ModuleChange;
import org.kslim.history.ModuleMeasure;
import org.kslim.history.PackageChange;
import org.kslim.history.ReasonChange;
import org.kslim.history.SizeChange;
import org.kslim.history.SubsystemChange;
import org.kslim.size.Measure;

/**
 * What {@code kslim diff} prints: a bloat-o-meter style summary, then packages, subsystems and
 * modules with every measure's change in bytes (KiB, count) and percent, largest first, the
 * modules that changed package and the rules whose reasons changed.
 *
 * <pre>{@code
 * BuildDiffText.print(BuildDiff.between(older, newer), new PrintWriter(System.out, true));
 * }</pre>
 */
public final class BuildDiffText {
  private BuildDiffText() {}

  public static void print(BuildDiff diff, PrintWriter out) {
    out.printf(Locale.ROOT, "%s -> %s%n", diff.oldBuild().label(), diff.newBuild().label());
    summary(diff, out);
    out.println();
    out.println("packages:");
    for (PackageChange p : diff.packages()) {
      String name = p.oldName().equals(p.newName()) ? p.newName()
          : (p.oldName().isEmpty() ? "(none)" : p.oldName()) + " -> " + (p.newName().isEmpty() ? "(none)" : p.newName());
      out.printf(Locale.ROOT, "  %s%n", name);
      for (Measure measure : Measure.values()) {
        out.printf(Locale.ROOT, "    %-14s %s%n", measure.key(), change(p.sizes().get(measure)));
      }
    }
    if (!diff.subsystems().isEmpty()) {
      out.println();
      out.println("subsystems (largest change first):");
      for (SubsystemChange s : diff.subsystems()) {
        out.printf(Locale.ROOT, "  %-32s add/remove %d/%d  %s%n", s.directory(), s.added(), s.removed(), measures(s.sizes()));
      }
    }
    modules("modules (largest change first):", diff.modules(), out);
    modules("modules that changed package:", diff.moves(), out);
    if (!diff.reasons().isEmpty()) {
      out.println();
      out.println("rules whose reasons changed:");
      for (ReasonChange r : diff.reasons()) {
        out.printf(Locale.ROOT, "  %s -> %s%n    was: %s%n    now: %s%n", r.rule(), r.pkg(),
            r.oldReason().orElse("(no such rule)"), r.newReason().orElse("(rule removed)"));
      }
    }
  }

  private static void summary(BuildDiff diff, PrintWriter out) {
    long up = diff.modules().stream().mapToLong(ModuleChange::impact).filter(d -> d > 0).sum();
    long down = diff.modules().stream().mapToLong(ModuleChange::impact).filter(d -> d < 0).sum();
    out.printf(Locale.ROOT, "add/remove: %d/%d grow/shrink: %d/%d up/down: %d/%d (%+d) installed bytes; %d moved%n",
        diff.modules(ModuleChange.Kind.ADDED).size(), diff.modules(ModuleChange.Kind.REMOVED).size(),
        diff.modules(ModuleChange.Kind.GROWN).size(), diff.modules(ModuleChange.Kind.SHRUNK).size(),
        up, down, up + down, diff.moves().size());
  }

  private static void modules(String title, List<ModuleChange> modules, PrintWriter out) {
    if (modules.isEmpty()) {
      return;
    }
    out.println();
    out.println(title);
    for (ModuleChange m : modules) {
      String pkg = m.oldPkg().isEmpty() || m.oldPkg().equals(m.newPkg()) ? m.newPkg()
          : m.newPkg().isEmpty() ? m.oldPkg() : m.oldPkg() + " -> " + m.newPkg();
      out.printf(Locale.ROOT, "  %-7s %s [%s]%n    %s%n", m.kind().name().toLowerCase(Locale.ROOT), m.path(), pkg,
          measures(m.sizes()));
    }
  }

  private static String measures(Map<ModuleMeasure, SizeChange> sizes) {
    StringBuilder text = new StringBuilder();
    for (ModuleMeasure measure : ModuleMeasure.values()) {
      SizeChange s = sizes.get(measure);
      text.append(text.length() == 0 ? "" : "  ").append(measure.key()).append(' ').append(signed(s.delta()))
          .append(percent(s));
    }
    return text.toString();
  }

  private static String change(SizeChange s) {
    return String.format(Locale.ROOT, "%12d -> %12d  %s%s", s.before(), s.after(), signed(s.delta()), percent(s));
  }

  private static String signed(long value) {
    return String.format(Locale.ROOT, "%+d", value);
  }

  private static String percent(SizeChange s) {
    if (Double.isNaN(s.percent())) {
      return s.after() == 0 ? "" : " (new)";
    }
    return String.format(Locale.ROOT, " (%+.1f%%)", s.percent());
  }
}

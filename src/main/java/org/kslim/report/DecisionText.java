package org.kslim.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.kslim.decide.Explanation;
import org.kslim.decide.ModuleCompressionChoice;
import org.kslim.decide.Selector;
import org.kslim.decide.SizeChange;
import org.kslim.decide.Suggestion;
import org.kslim.decide.WhatIfOutcome;
import org.kslim.size.Measure;
import org.kslim.split.Cause;
import org.kslim.split.Placement;

/**
 * The terminal form of {@code kslim whatif} (moves and module compression), {@code suggest} and {@code explain}.
 *
 * <pre>{@code
 * DecisionText.whatIf(outcome, new PrintWriter(System.out, true));
 * }</pre>
 */
public final class DecisionText {
  private static final List<Measure> SIZES = List.of(Measure.INSTALLED, Measure.INSTALLED_KIB, Measure.DISK, Measure.COMPRESSED);

  private DecisionText() {}

  public static void whatIf(WhatIfOutcome o, PrintWriter out) {
    int leaving = o.selected().size() - o.heldBack().size();
    out.printf(Locale.ROOT, "%d module(s) leave %s for %s: %d selected, %d of them held back, %d only they needed%n",
        o.moved().size(), o.from(), o.to().orElse("no package (dropped)"), o.selected().size(), o.heldBack().size(),
        o.moved().size() - leaving);
    out.printf(Locale.ROOT, "%-20s %-14s %14s %22s %14s%n", "package", "measure", "before", "change", "after");
    for (SizeChange change : o.changes()) {
      for (Measure measure : SIZES) {
        out.printf(Locale.ROOT, "%-20s %-14s %14s %22s %14s%n", change.pkg(), measure.key(),
            amount(measure, change.before(measure)), delta(measure, change), amount(measure, change.after(measure)));
      }
    }
    o.heldBack().forEach(h -> out.println("held back: " + h));
    o.refusals().forEach(r -> out.println("refused: " + r));
    o.breaks().forEach(b -> out.println("breaks: " + b));
    out.println(o.acceptable() ? "nothing breaks" : o.refusals().size() + " refusal(s), " + o.breaks().size() + " break(s)");
  }

  public static void suggestions(List<Suggestion> ranked, PrintWriter out) {
    for (int i = 0; i < ranked.size(); i++) {
      Suggestion s = ranked.get(i);
      SizeChange change = s.outcome().change(s.outcome().from());
      out.printf(Locale.ROOT, "%d. %s: %d module(s), %s installed, %s compressed%s%n", i + 1,
          s.selectors().stream().map(Selector::text).collect(Collectors.joining(" + ")), s.outcome().moved().size(),
          ByteUnits.formatChange(change.delta(Measure.INSTALLED)), delta(Measure.COMPRESSED, change),
          s.fits() ? "" : "; still over by " + s.excess().entrySet().stream()
              .map(e -> amount(e.getKey(), e.getValue()) + " " + e.getKey().key()).collect(Collectors.joining(", ")));
      out.println("   largest: " + String.join(", ", s.largest()));
    }
    if (!ranked.isEmpty() && !ranked.get(0).fits()) {
      out.println("nothing fits the budget; the best set is above");
    }
  }

  public static void explanation(Explanation e, PrintWriter out) {
    Placement p = e.placement();
    out.println(p.module() + " (" + p.name() + ") is in " + p.pkg());
    out.println("  rule: " + p.rule().map(r -> r + r.reason().map(reason -> ": " + reason).orElse("")).orElse("none"));
    p.move().ifPresent(move -> {
      out.println("  moved from " + move.wanted() + " to " + move.actual() + ":");
      for (Cause cause : move.chain()) {
        out.println("    " + cause);
      }
    });
    out.println("  needs: " + (e.needs().isEmpty() ? "nothing" : e.needs().stream().map(Object::toString).collect(Collectors.joining(", "))));
    out.println("  needed by: " + (e.neededBy().isEmpty() ? "nothing" : e.neededBy().stream().map(Object::toString).collect(Collectors.joining(", "))));
  }

  /** Each choice and what it means, then per package one row for each choice: installed and compressed (with its bound). */
  public static void moduleCompression(List<ModuleCompressionChoice> choices, PrintWriter out) {
    choices.forEach(c -> out.printf(Locale.ROOT, "%-6s %s%n", c.name(), c.how()));
    out.println();
    out.printf(Locale.ROOT, "%-20s %-6s %12s %12s %s%n", "package", "choice", "installed", "compressed", "±");
    for (ModuleCompressionChoice.Figures first : choices.get(0).packages()) {
      for (ModuleCompressionChoice choice : choices) {
        ModuleCompressionChoice.Figures f = choice.get(first.pkg());
        out.printf(Locale.ROOT, "%-20s %-6s %12s %12s %s%n", choice == choices.get(0) ? first.pkg() : "", choice.name(),
            ByteUnits.format(f.installed()), ByteUnits.format(f.compressed()),
            f.compressedBound() == 0 ? "exact" : ByteUnits.format(f.compressedBound()));
      }
    }
  }

  private static String amount(Measure measure, long value) {
    return measure == Measure.INSTALLED_KIB ? value + " KiB" : ByteUnits.format(value);
  }

  private static String delta(Measure measure, SizeChange change) {
    String value = measure == Measure.INSTALLED_KIB ? (change.delta(measure) > 0 ? "+" : "") + change.delta(measure) + " KiB"
        : ByteUnits.formatChange(change.delta(measure));
    long bound = change.bound(measure);
    return bound == 0 ? value : value + " ±" + amount(measure, bound);
  }
}

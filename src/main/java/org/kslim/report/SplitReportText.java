package org.kslim.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kslim.budget.Verdict;
import org.kslim.policy.Waiver;
import org.kslim.check.SplitAnalysis;
import org.kslim.size.Measure;
import org.kslim.size.PackageSizes;
import org.kslim.split.Move;
import org.kslim.split.Violation;

/**
 * The table {@code kslim split} and {@code kslim check} print: every package in every measure,
 * each budget's verdict, the moves, violations and warnings; within 80 columns.
 *
 * <pre>{@code
 * SplitReportText.print(analysis, new PrintWriter(System.out, true));
 * }</pre>
 */
public final class SplitReportText {
  private static final int MOVES_SHOWN = 10;
  private static final int WIDTH = 80;
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[1;31m";
  private static final String RESET = "\u001b[0m";

  private SplitReportText() {}

  public static void print(SplitAnalysis analysis, PrintWriter out) {
    print(analysis, out, false);
  }

  /** As {@link #print(SplitAnalysis, PrintWriter)}; {@code color} paints pass green and FAIL red (for a terminal). */
  public static void print(SplitAnalysis analysis, PrintWriter out, boolean color) {
    wrap(out, "", String.format(Locale.ROOT, "kernel %s from %s, policy %s", analysis.modules().kernelVersion(),
        analysis.packageInfo().name(), analysis.policy().source()));
    out.println();
    out.printf(Locale.ROOT, "%-20s %7s %6s %10s %9s %10s %10s%n",
        "package", "modules", "files", "installed", "inst-kib", "disk", "compressed");
    String compressor = "";
    for (String name : analysis.split().packages()) {
      Optional<PackageSizes> sizes = analysis.sizes().find(name);
      out.printf(Locale.ROOT, "%-20s %7d %6d %10s %9s %10s %10s%n",
          shorten(name, 20), analysis.split().modules(name).size(),
          sizes.map(s -> s.get(Measure.FILES)).orElse(0L),
          ByteUnits.format(sizes.map(s -> s.get(Measure.INSTALLED)).orElse(0L)),
          sizes.map(s -> s.get(Measure.INSTALLED_KIB)).orElse(0L),
          ByteUnits.format(sizes.map(s -> s.get(Measure.DISK)).orElse(0L)),
          ByteUnits.format(sizes.map(s -> s.get(Measure.COMPRESSED)).orElse(0L)));
      if (sizes.isPresent()) {
        compressor = sizes.get().compressor().label();
      }
    }
    if (!compressor.isEmpty()) {
      String line = "compressed with " + compressor;
      if (line.length() <= WIDTH) {
        out.println(line);
      } else {
        out.println("compressed with");
        out.println("  " + compressor);
      }
    }
    if (!analysis.budgets().verdicts().isEmpty()) {
      out.println();
      out.printf(Locale.ROOT, "%-18s %-13s %10s %10s %11s %7s %s%n",
          "budget", "measure", "limit", "actual", "headroom", "", "");
      for (Verdict verdict : analysis.budgets().verdicts()) {
        out.printf(Locale.ROOT, "%-18s %-13s %10s %10s %11s %7s %s%n",
            shorten(verdict.pkg(), 18), verdict.measure().key(), ByteUnits.of(verdict.measure(), verdict.limit()),
            ByteUnits.of(verdict.measure(), verdict.actual()), ByteUnits.of(verdict.measure(), verdict.headroom()),
            percent(verdict.headroomPercent()), paint(verdict.pass() ? "pass" : "FAIL", verdict.pass(), color));
        verdict.waiver().ifPresent(w -> wrap(out, "  ", "waiver " + describe(w)));
      }
    }
    for (Waiver expired : analysis.budgets().expiredWaivers()) {
      wrap(out, "", "expired waiver (no longer applied): " + describe(expired));
    }
    List<Move> moves = analysis.split().moves();
    if (!moves.isEmpty()) {
      out.println();
      out.printf(Locale.ROOT, "moves (%d; every chain in report.json)%n", moves.size());
      moves.stream().limit(MOVES_SHOWN).forEach(move -> out.println("  " + fit(move.name() + ": " + move.wanted()
          + " -> " + move.actual() + (move.chain().isEmpty() ? "" : ", " + move.chain().get(0).toString()))));
      if (moves.size() > MOVES_SHOWN) {
        out.printf(Locale.ROOT, "  ... and %d more%n", moves.size() - MOVES_SHOWN);
      }
    }
    for (Violation violation : analysis.split().violations()) {
      wrap(out, "", "violation: " + violation.message());
    }
    Set<String> moveLines = moves.stream().map(Move::toString).collect(Collectors.toSet());
    for (String warning : analysis.warnings()) {
      if (!moveLines.contains(warning)) {
        wrap(out, "", "warning: " + warning);
      }
    }
    out.println();
    out.println(paint(analysis.passed() ? "PASS" : "FAIL", analysis.passed(), color));
    out.flush();
  }

  private static String paint(String word, boolean good, boolean color) {
    return color ? (good ? GREEN : RED) + word + RESET : word;
  }

  /** The line cut to the terminal width (the indent of two included). */
  private static String fit(String line) {
    return line.length() <= WIDTH - 2 ? line : line.substring(0, WIDTH - 5) + "...";
  }

  /** One decimal; far below zero only {@code <-999%}, to keep the column. */
  private static String percent(double value) {
    return value > -1000 ? String.format(Locale.ROOT, "%.1f%%", value) : "<-999%";
  }

  /** A name cut to its column, its end marked with {@code ~}. */
  private static String shorten(String name, int width) {
    return name.length() <= width ? name : name.substring(0, width - 1) + "~";
  }

  /** {@code text} broken at spaces into lines of the terminal width, the later ones indented two more. */
  private static void wrap(PrintWriter out, String indent, String text) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line.setLength(0);
        line.append(indent).append("  ");
      } else if (line.length() > indent.length() && !line.toString().isBlank()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }

  private static String describe(Waiver waiver) {
    return "+" + ByteUnits.of(waiver.measure(), waiver.allow()) + " for " + waiver.pkg() + " " + waiver.measure().key()
        + " until " + waiver.expires() + ", approved by " + waiver.approvedBy() + ": " + waiver.reason();
  }
}

package org.kslim.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.kslim.pack.WrittenPackage;
import org.kslim.AtomicFile;
import org.kslim.Progress;
import org.kslim.check.SplitAnalysis;
import org.kslim.report.ReportSections;
import org.kslim.report.SplitReportHtml;
import org.kslim.report.SplitReportJson;
import org.kslim.report.SplitReportJunit;
import org.kslim.report.SplitReportText;
import picocli.CommandLine.Option;

/** The outputs {@code split} and {@code check} share: JSON or the table, JUnit XML, progress, the report folder. */
final class ReportOptions {
  @Option(names = "--json", description = "print report.json to stdout instead of the table")
  boolean json;

  @Option(names = "--junit", paramLabel = "FILE", description = "also write JUnit XML: one test case per package and budgeted measure")
  Path junit;

  @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
  boolean quiet;

  private final Terminal terminal = Terminal.detect(System.getenv());

  Progress progress() {
    return ConsoleProgress.onStderr(quiet);
  }

  /**
   * Writes {@code dir/report.json} and {@code dir/report.html} when {@code dir} is given, the JUnit
   * file, then stdout: report.json, or the table and the creep limits breached.
   */
  void emit(SplitAnalysis analysis, ReportSections sections, Path dir, PrintWriter out) {
    emit(analysis, List.of(), sections, dir, out);
  }

  /** As {@link #emit(SplitAnalysis, ReportSections, Path, PrintWriter)}, with the packages {@code split --format rpm|deb} wrote. */
  void emit(SplitAnalysis analysis, List<WrittenPackage> written, ReportSections sections, Path dir, PrintWriter out) {
    String reportJson = SplitReportJson.toJson(analysis, written, sections);
    if (dir != null) {
      AtomicFile.writeString(dir.resolve("report.json"), reportJson);
      AtomicFile.writeString(dir.resolve("report.html"), SplitReportHtml.render(reportJson));
    }
    if (junit != null) {
      AtomicFile.writeString(junit, SplitReportJunit.toXml(analysis, sections.creep(), LocalDateTime.now(), hostname()));
    }
    if (json) {
      out.print(reportJson);
    } else {
      SplitReportText.print(analysis, out, terminal.color());
      sections.creep().ifPresent(creep -> creep.breaches().forEach(b -> out.println("creep limit breached: " + b.describe())));
    }
    out.flush();
  }

  /** Where notes beside the report go: stderr when stdout holds report.json, else stdout. */
  PrintWriter notes(PrintWriter out, PrintWriter err) {
    return json ? err : out;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}

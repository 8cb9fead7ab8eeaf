package org.kslim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kslim.CheckFailedException;
import org.kslim.UsageException;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.pack.PackRequest;
import org.kslim.pack.PackResult;
import org.kslim.pack.PackageWriter;
import org.kslim.pack.WrittenPackage;
import org.kslim.report.ReportSections;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageReader;
import org.kslim.split.ListStyle;
import org.kslim.split.SplitLists;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kslim split PACKAGE --policy FILE --out DIR}: one file list per package
 * ({@code DIR/<package>.list}) or, with {@code --format rpm|deb}, one installable package per
 * policy package and a meta package, {@code DIR/report.json}, and the table on stdout. Exit 1 when a
 * budget or the policy's checks fail (the files are written all the same).
 *
 * <pre>{@code
 * kslim split linux-image.deb --policy policies/cloud.yaml --out split/ --list-style relative
 * }</pre>
 */
@Command(name = "split", mixinStandardHelpOptions = true,
    description = "Split a kernel package by a policy: a file list per package, report.json and a table.")
final class SplitCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SplitOptions options;

  @Mixin ReportOptions outputs;

  @Mixin HistoryOptions history;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the lists, report.json and report.html go")
  Path out;

  @Option(names = "--format", paramLabel = "lists|rpm|deb", defaultValue = "lists",
      description = "file lists, or installable packages: one per policy package and a meta package (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--list-style", paramLabel = "absolute|relative", defaultValue = "absolute",
      description = "absolute installed paths (rpm's %%files -f) or paths relative to lib/modules/VER (filtermods) (default: ${DEFAULT-VALUE})")
  String listStyle;

  @Override
  public Integer call() {
    PackageFormat packages = switch (format) {
      case "lists" -> null;
      case "rpm" -> PackageFormat.RPM;
      case "deb" -> PackageFormat.DEB;
      default -> throw new UsageException("--format must be lists, rpm or deb: " + format);
    };
    ListStyle style = switch (listStyle) {
      case "absolute" -> ListStyle.ABSOLUTE;
      case "relative" -> ListStyle.RELATIVE;
      default -> throw new UsageException("--list-style must be absolute or relative: " + listStyle);
    };
    CheckRequest checkRequest = options.request();
    if (packages != null && checkRequest.packagePath() == null) {
      throw new UsageException("--format " + format + " needs the PACKAGE to write from");
    }
    SplitAnalysis analysis = SplitAnalyzer.analyze(checkRequest, outputs.progress());
    String modulesRoot = analysis.modules().modulesRoot();
    String modulesBase = "/" + modulesRoot.substring(0, modulesRoot.lastIndexOf('/'));
    PrintWriter stdout = spec.commandLine().getOut();
    List<WrittenPackage> written = List.of();
    if (packages == null) {
      SplitLists.write(analysis.split(), out, style, analysis.modules().kernelVersion(), modulesBase);
    } else {
      PackRequest request = PackRequest.of(packages, out).withCompressor(checkRequest.compressor())
          .withSourceDateEpoch(PackRequest.sourceDateEpoch(System.getenv()));
      PackResult result = PackageWriter.write(PackageReader.open(checkRequest.packagePath()), analysis, request);
      result.warnings().forEach(w -> spec.commandLine().getErr().println("kslim: warning: " + w));
      written = result.packages();
    }
    ReportSections sections = history.sections(analysis, () -> AnalysedBuild.of(analysis, checkRequest));
    outputs.emit(analysis, written, sections, out, stdout);
    PrintWriter notes = outputs.notes(stdout, spec.commandLine().getErr());
    written.forEach(p -> notes.println("wrote " + p.file() + " (" + p.fileBytes() + " bytes)"));
    notes.flush();
    boolean crept = sections.creep().filter(c -> !c.passed()).isPresent();
    if (!analysis.passed() || crept) {
      throw new CheckFailedException("the split fails its policy" + (crept ? " or its creep limits" : "")
          + ": see the table above and " + out.resolve("report.json"));
    }
    return 0;
  }
}

package org.kslim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kslim.CheckFailedException;
import org.kslim.UsageException;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.split.ListStyle;
import org.kslim.split.SplitLists;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kslim split PACKAGE --policy FILE --out DIR}: one file list per package
 * ({@code DIR/<package>.list}), {@code DIR/report.json}, and the table on stdout. Exit 1 when a
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

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the lists, report.json and report.html go")
  Path out;

  @Option(names = "--format", paramLabel = "lists", defaultValue = "lists", description = "what to write (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--list-style", paramLabel = "absolute|relative", defaultValue = "absolute",
      description = "absolute installed paths (rpm's %%files -f) or paths relative to lib/modules/VER (filtermods) (default: ${DEFAULT-VALUE})")
  String listStyle;

  @Override
  public Integer call() {
    if (!format.equals("lists")) {
      throw new UsageException("--format must be lists: " + format);
    }
    ListStyle style = switch (listStyle) {
      case "absolute" -> ListStyle.ABSOLUTE;
      case "relative" -> ListStyle.RELATIVE;
      default -> throw new UsageException("--list-style must be absolute or relative: " + listStyle);
    };
    SplitAnalysis analysis = SplitAnalyzer.analyze(options.request(), outputs.progress());
    String modulesRoot = analysis.modules().modulesRoot();
    String modulesBase = "/" + modulesRoot.substring(0, modulesRoot.lastIndexOf('/'));
    SplitLists.write(analysis.split(), out, style, analysis.modules().kernelVersion(), modulesBase);
    outputs.emit(analysis, out, spec.commandLine().getOut());
    if (!analysis.passed()) {
      throw new CheckFailedException("the split fails its policy: see the table above and " + out.resolve("report.json"));
    }
    return 0;
  }
}

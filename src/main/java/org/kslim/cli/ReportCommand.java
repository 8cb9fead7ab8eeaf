package org.kslim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kslim.report.SplitReportHtml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kslim report DIR}: renders {@code DIR/report.html} again from {@code DIR/report.json}
 * (written by {@code split --out} or {@code check --report}, perhaps extended with history or
 * what-if data).
 *
 * <pre>{@code
 * kslim report split-out/
 * }</pre>
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Render DIR/report.html from DIR/report.json: one self-contained page.")
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "the folder holding report.json")
  Path dir;

  @Override
  public Integer call() {
    Path html = SplitReportHtml.write(dir);
    spec.commandLine().getOut().println("wrote " + html);
    return 0;
  }
}

package org.kslim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.kslim.StrictProblemsException;
import org.kslim.inspect.InspectOptions;
import org.kslim.inspect.Inspector;
import org.kslim.inspect.KernelInspection;
import org.kslim.report.InspectionJson;
import org.kslim.report.InspectionText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kslim inspect PACKAGE [--json]}: which kernel, which machine, how many modules of what
 * size, the largest subsystems, the kernel image and boot files, and every problem.
 *
 * <pre>{@code
 * kslim inspect linux-image-6.1.0-56-cloud-amd64-unsigned_6.1.192-2_amd64.deb --json
 * }</pre>
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show what a kernel package holds: kernel, machine, modules, sizes, problems.")
final class InspectCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin PackageOptions packageOptions;

  @Option(names = "--json", description = "print the kslim.inspect/1 JSON document (docs/inspect-json.md)")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
  boolean quiet;

  @Option(names = "--strict", description = "exit 3 when any problem is found")
  boolean strict;

  @Override
  public Integer call() {
    InspectOptions options = new InspectOptions(
        packageOptions.kernelVersion, packageOptions.symvers, packageOptions.keepGoing);
    KernelInspection inspection = Inspector.inspect(packageOptions.packagePath, options, ConsoleProgress.onStderr(quiet));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(InspectionJson.toJson(inspection));
      out.flush();
    } else {
      InspectionText.print(inspection, out);
    }
    StrictProblemsException.throwIfStrict(strict, inspection.problems().size());
    return 0;
  }
}

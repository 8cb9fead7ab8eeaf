package org.kslim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kslim.StrictProblemsException;
import org.kslim.kmod.Depmod;
import org.kslim.kmod.DepmodOptions;
import org.kslim.kmod.DepmodRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code kslim depmod PACKAGE --out DIR}: writes the index files kmod's depmod would write for
 * the package's kernel into {@code DIR/VER}, and prints every problem found on stderr.
 *
 * <pre>{@code
 * kslim depmod linux-image-6.1.0-56-cloud-amd64-unsigned_6.1.192-2_amd64.deb --out out \
 *     --symvers Module.symvers --strict
 * }</pre>
 */
@Command(
    name = "depmod",
    mixinStandardHelpOptions = true,
    description = "Write modules.dep, .alias, .softdep, .symbols and .devname as kmod's depmod does.")
final class DepmodCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin PackageOptions packageOptions;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the files go to DIR/VER")
  Path out;

  @Option(names = "--strict", description = "exit 3 when any problem is found")
  boolean strict;

  @Override
  public Integer call() {
    DepmodOptions options = new DepmodOptions(
        packageOptions.symvers, packageOptions.kernelVersion, packageOptions.keepGoing);
    DepmodRun run = Depmod.run(packageOptions.packagePath, out, options);
    List<String> problems = run.problemLines();
    PrintWriter err = spec.commandLine().getErr();
    problems.forEach(err::println);
    err.flush();
    PrintWriter outWriter = spec.commandLine().getOut();
    outWriter.println(run.folder() + ": " + run.result().modules().size() + " modules, " + problems.size() + " problems");
    outWriter.flush();
    StrictProblemsException.throwIfStrict(strict, problems.size());
    return 0;
  }
}

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
import picocli.CommandLine.Parameters;

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

  @Parameters(index = "0", paramLabel = "PACKAGE", description = "a .deb, an .rpm or a folder holding lib/modules/VER")
  Path packagePath;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the files go to DIR/VER")
  Path out;

  @Option(names = "--symvers", paramLabel = "FILE", description = "the kernel's Module.symvers, to find unresolved symbols and CRC mismatches")
  Path symvers;

  @Option(names = "--kver", paramLabel = "VER", description = "the kernel to use when the package holds several")
  String kernelVersion;

  @Option(names = "--strict", description = "exit 3 when any problem is found")
  boolean strict;

  @Option(names = "--keep-going", description = "skip (and report) modules that cannot be parsed")
  boolean keepGoing;

  @Override
  public Integer call() {
    DepmodOptions options = new DepmodOptions(symvers, kernelVersion, keepGoing);
    DepmodRun run = Depmod.run(packagePath, out, options);
    List<String> problems = run.problemLines();
    PrintWriter err = spec.commandLine().getErr();
    problems.forEach(err::println);
    err.flush();
    PrintWriter outWriter = spec.commandLine().getOut();
    outWriter.println(run.folder() + ": " + run.result().modules().size() + " modules, " + problems.size() + " problems");
    outWriter.flush();
    if (strict && !problems.isEmpty()) {
      throw new StrictProblemsException(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found (--strict)");
    }
    return 0;
  }
}

package org.kslim.kmod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link Depmod#run} did: the kernel it worked on, the resolved modules, the files it
 * wrote and the modules it could not read.
 *
 * <pre>{@code
 * DepmodRun run = Depmod.run(Path.of("linux-image.deb"), Path.of("out"), DepmodOptions.DEFAULTS);
 * run.folder();          // out/6.1.0-56-cloud-amd64
 * run.problemLines().forEach(System.err::println);
 * }</pre>
 *
 * @param kernelVersion VER of {@code lib/modules/VER}
 * @param folder where the index files were written ({@code OUT/VER})
 * @param written the index files, in the order written
 * @param result the resolved modules and their problems
 * @param unreadable modules skipped because they could not be parsed ({@code keepGoing} only)
 */
public record DepmodRun(String kernelVersion, Path folder, List<Path> written, DepmodResult result,
    List<ModuleProblem> unreadable) {
  public DepmodRun {
    Objects.requireNonNull(kernelVersion, "kernelVersion");
    Objects.requireNonNull(folder, "folder");
    written = List.copyOf(written);
    Objects.requireNonNull(result, "result");
    unreadable = List.copyOf(unreadable);
  }

  /** Every problem as one line: unreadable modules first, then what resolving found. */
  public List<String> problemLines() {
    List<String> lines = new ArrayList<>();
    for (ModuleProblem problem : unreadable) {
      lines.add(problem.reason());
    }
    for (Problem problem : result.problems()) {
      lines.add(problem.describe());
    }
    return lines;
  }
}

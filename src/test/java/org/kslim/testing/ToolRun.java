package org.kslim.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external tool (kmod, rpm, dpkg) with what it printed, for real-kernel tests.
 *
 * <pre>{@code
 * String version = ToolRun.ok(List.of("rpm", "-qp", "--qf", "%{VERSION}", rpm.toString())).stdout();
 * }</pre>
 */
public record ToolRun(int exit, String stdout, String stderr) {
  /** Runs {@code command}, which must exit 0. */
  public static ToolRun ok(List<String> command) {
    ToolRun run = of(command);
    if (run.exit() != 0) {
      fail(String.join(" ", command) + " exited " + run.exit() + ": " + run.stderr());
    }
    return run;
  }

  /** Runs {@code command}, whatever its exit code (at most 10 minutes). */
  public static ToolRun of(List<String> command) {
    try {
      Path out = Files.createTempFile("kslim-tool", ".out");
      Path err = Files.createTempFile("kslim-tool", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          fail(command.get(0) + " did not finish in 10 minutes");
        }
        return new ToolRun(process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      return fail("cannot run " + command.get(0) + " (is it installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted while running " + command.get(0), e);
    }
  }
}

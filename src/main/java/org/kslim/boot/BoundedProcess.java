package org.kslim.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kslim.BadInputException;

/**
 * Runs a program with its output going to a file, for at most a time; whatever happens, the
 * program and every process it started are killed before {@link #run} returns.
 *
 * <pre>{@code
 * BoundedProcess.Result r = BoundedProcess.run(List.of("qemu-system-x86_64", ...), log, Duration.ofSeconds(180));
 * r.timedOut();
 * }</pre>
 */
public final class BoundedProcess {
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  /**
   * How the program ended.
   *
   * @param exitCode its exit code, or -1 when it was killed at the time limit
   * @param timedOut whether the time limit ended it
   * @param elapsed from start to end
   * @param output the file holding its standard output and error
   */
  public record Result(int exitCode, boolean timedOut, Duration elapsed, Path output) {
    public String describe() {
      return timedOut ? "no end within the time limit, killed after " + elapsed.toSeconds() + " s"
          : "exit code " + exitCode + " after " + elapsed.toMillis() / 1000.0 + " s";
    }

    /** The last {@code lines} lines the program printed. */
    public List<String> outputTail(int lines) {
      try {
        List<String> all = Files.readAllLines(output, StandardCharsets.UTF_8);
        return all.subList(Math.max(0, all.size() - lines), all.size());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + output, e);
      }
    }
  }

  private BoundedProcess() {}

  public static Result run(List<String> command, Path output, Duration limit) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new BadInputException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
    try {
      boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new Result(ended ? process.exitValue() : -1, !ended, elapsed, output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + command.get(0) + " ran", e);
    } finally {
      destroyTree(process.toHandle());
    }
  }

  /**
   * Kills {@code root} and all its descendants, and waits for them to go. The descendants are
   * listed first (once the root is gone they are no longer its), then the root is killed before
   * them, so it cannot react to a child's death (a shell would print "Killed" or start another).
   */
  static void destroyTree(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(root);
    all.addAll(root.descendants().toList());
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("process " + handle.pid() + " did not end when killed", e);
      }
    }
  }
}

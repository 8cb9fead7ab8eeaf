package org.kslim.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a class of the test class path in a child JVM (quick to start: C1 only, serial GC, a
 * small heap), its output discarded, for tests that kill it or run several at once.
 *
 * <pre>{@code
 * Process split = ChildJvm.start(Map.of("SOURCE_DATE_EPOCH", "1750000000"), "org.kslim.cli.Main", "split", ...);
 * split.destroyForcibly();   // SIGKILL
 * }</pre>
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static Process start(Map<String, String> environment, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-Xshare:auto", mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(environment);
    return builder.start();
  }
}

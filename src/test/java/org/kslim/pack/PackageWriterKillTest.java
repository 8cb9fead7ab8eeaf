package org.kslim.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.kslim.check.SplitAnalyzerFixtures;
import org.kslim.source.EntryCollector;
import org.kslim.source.PackageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A split writing packages in a child JVM, killed with SIGKILL at random points, never leaves a partial package. */
class PackageWriterKillTest {
  private static final int KILLS = 20;
  private static final long SEED = 20261126L;

  @TempDir Path dir;

  @Test
  void killedRunsLeaveOnlyCompletePackages() throws Exception {
    Path deb = PackFixtures.kernelDeb(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    Path out = dir.resolve("out");
    long started = System.nanoTime();
    assertThat(split(deb, policy, out).waitFor(60, TimeUnit.SECONDS)).isTrue();
    long fullRunMillis = (System.nanoTime() - started) / 1_000_000;
    List<String> complete = packages(out);
    assertThat(complete).hasSize(3);

    Random random = new Random(SEED);
    for (int i = 0; i < KILLS; i++) {
      Process process = split(deb, policy, out);
      Thread.sleep(random.nextInt((int) Math.max(1, fullRunMillis)));
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertThat(packages(out)).as("packages after kill " + i).containsExactlyElementsOf(complete);
      for (String name : complete) {
        EntryCollector.of(PackageReader.open(out.resolve(name)));
      }
    }
    assertThat(split(deb, policy, out).waitFor(60, TimeUnit.SECONDS)).isTrue();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
    }
  }

  private static Process split(Path deb, Path policy, Path out) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "org.kslim.cli.Main", "split", deb.toString(),
        "--policy", policy.toString(), "--out", out.toString(), "--format", "rpm", "--no-cache"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("SOURCE_DATE_EPOCH", "1750000000");
    return builder.start();
  }

  /** The package files in {@code out} (report.json and hidden temporaries aside), sorted. */
  private static List<String> packages(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rpm") && !n.startsWith(".")).sorted().toList();
    }
  }
}

package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.SplitAnalyzerFixtures;
import org.kslim.history.BuildInfo;
import org.kslim.history.HistoryFixtures;
import org.kslim.history.HistoryStore;
import org.kslim.pack.PackFixtures;
import org.kslim.source.EntryCollector;
import org.kslim.source.PackageReader;
import org.kslim.testing.ChildJvm;

/**
 * {@code kslim split} writing rpm packages, the same writing deb packages, and {@code kslim record}
 * into a SQLite history, each run in a child JVM and killed with SIGKILL, at 50 random points in
 * all (17, 17 and 16; fixed seed, delays spread over a whole run's measured duration), the three
 * side by side. After every kill the output folder holds only complete files under their final names
 * (packages our readers read whole, a report.json that parses, a report.html that ends) and
 * hidden {@code .NAME.*.tmp} temporaries at most, which the next complete run removes; the
 * history opens and holds only complete builds.
 */
class CrashSafetyTest {
  private static final int RPM_KILLS = 17;
  private static final int DEB_KILLS = 17;
  private static final int RECORD_KILLS = 16;
  private static final long SEED = 20261126L;
  private static final Map<String, String> ENVIRONMENT = Map.of("SOURCE_DATE_EPOCH", "1750000000");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void killedSplitsAndRecordsLeaveOnlyCompleteFilesAndBuilds() throws Exception {
    Path deb = PackFixtures.kernelDeb(dir);
    Path splitPolicy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    Path historyPolicy = HistoryFixtures.policy(dir, 1000);
    ExecutorService scenarios = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> runs = List.of(
          scenarios.submit(() -> killSplits(deb, splitPolicy, "rpm", RPM_KILLS, SEED)),
          scenarios.submit(() -> killSplits(deb, splitPolicy, "deb", DEB_KILLS, SEED + 1)),
          scenarios.submit(() -> killRecords(historyPolicy, RECORD_KILLS, SEED + 2)));
      int kills = 0;
      for (Future<Integer> run : runs) {
        kills += run.get(300, TimeUnit.SECONDS);
      }
      assertThat(kills).isEqualTo(50);
    } finally {
      scenarios.shutdownNow();
    }
  }

  /** Kills {@code kills} splits, every other one into a folder of its own, checking each folder after the kill. */
  private int killSplits(Path deb, Path policy, String format, int kills, long seed) throws Exception {
    Path out = dir.resolve("split-" + format);
    long millis = runToTheEnd(split(deb, policy, out, format));
    List<String> complete = finalFiles(out);
    assertThat(complete).as(format + " split output").hasSize(5).contains("report.json", "report.html");
    Random random = new Random(seed);
    for (int i = 0; i < kills; i++) {
      Path target = i % 2 == 0 ? out : dir.resolve("split-" + format + "-" + i);
      kill(split(deb, policy, target, format), random, millis);
      List<String> found = finalFiles(target);
      if (target.equals(out)) {
        assertThat(found).as("files after kill " + i).containsExactlyElementsOf(complete);
      } else {
        assertThat(complete).as("files after kill " + i).containsAll(found);
      }
      checkComplete(target, found);
    }
    runToTheEnd(split(deb, policy, out, format));
    assertThat(finalFiles(out)).containsExactlyElementsOf(complete);
    assertThat(hiddenFiles(out)).as("temporaries left after a complete run").isEmpty();
    return kills;
  }

  /** Kills {@code kills} records, each of a kernel release of its own, checking the history after each kill. */
  private int killRecords(Path policy, int kills, long seed) throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("history.db");
    long millis = runToTheEnd(record(policy, url, 0));
    Random random = new Random(seed);
    for (int i = 1; i <= kills; i++) {
      kill(record(policy, url, i), random, millis);
      List<BuildInfo> builds = checkHistory(url);
      assertThat(builds).as("builds after kill " + i).hasSizeBetween(1, i + 1);
    }
    runToTheEnd(record(policy, url, kills + 1));
    assertThat(checkHistory(url)).extracting(BuildInfo::kernelVersion).contains(HistoryFixtures.kernelVersion(kills + 1));
    return kills;
  }

  private Process split(Path deb, Path policy, Path out, String format) throws IOException {
    return ChildJvm.start(ENVIRONMENT, Main.class.getName(), "split", deb.toString(), "--policy", policy.toString(),
        "--out", out.toString(), "--format", format, "--no-cache", "-q");
  }

  /** Records release {@code n}: virtio_net is in even releases only, so a build holds 3 or 4 modules. */
  private Process record(Path policy, String url, int n) throws IOException {
    Path tree = HistoryFixtures.tree(dir.resolve("release-" + n), n, 100, n % 2 == 0);
    return ChildJvm.start(ENVIRONMENT, Main.class.getName(), "record", tree.toString(), "--policy", policy.toString(),
        "--db", url, "--no-cache");
  }

  /** Waits for a run that must succeed; its duration in milliseconds. */
  private static long runToTheEnd(Process process) throws InterruptedException {
    long started = System.nanoTime();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isIn(0, 1);
    return Math.max(1, (System.nanoTime() - started) / 1_000_000);
  }

  private static void kill(Process process, Random random, long millis) throws InterruptedException {
    Thread.sleep(random.nextInt((int) Math.min(Integer.MAX_VALUE, millis)));
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  /** Each file reads whole: packages entry by entry, report.json as JSON, report.html to its end. */
  private static void checkComplete(Path folder, List<String> names) throws IOException {
    for (String name : names) {
      Path file = folder.resolve(name);
      if (name.endsWith(".rpm") || name.endsWith(".deb")) {
        assertThat(EntryCollector.of(PackageReader.open(file)).entries()).as(name).isNotNull();
      } else if (name.equals("report.json")) {
        assertThat(JSON.readTree(file.toFile()).isObject()).as(name).isTrue();
      } else {
        assertThat(name).isEqualTo("report.html");
        assertThat(Files.readString(file).strip()).as(name).endsWith("</html>");
      }
    }
    assertThat(hiddenFiles(folder)).allMatch(n -> names.isEmpty() || n.matches("\\..+\\.[0-9]+\\.tmp"), "hidden temporaries only");
  }

  /** Every build in the history is whole: as many modules as its release has (3, or 4 with virtio_net). */
  private static List<BuildInfo> checkHistory(String url) {
    HistoryStore store = HistoryStore.open(url);
    List<BuildInfo> builds = store.builds(Optional.empty());
    for (BuildInfo build : builds) {
      int release = Integer.parseInt(build.kernelVersion().split("-")[1]);
      assertThat(store.load(build.id()).modules()).as(build.kernelVersion()).hasSize(release % 2 == 0 ? 4 : 3);
    }
    assertThat(builds).extracting(BuildInfo::kernelVersion).doesNotHaveDuplicates();
    return builds;
  }

  private static List<String> finalFiles(Path folder) throws IOException {
    return names(folder).stream().filter(n -> !n.startsWith(".")).sorted().toList();
  }

  private static List<String> hiddenFiles(Path folder) throws IOException {
    return names(folder).stream().filter(n -> n.startsWith(".")).toList();
  }

  private static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return new ArrayList<>();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}

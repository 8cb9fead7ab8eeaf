package org.kslim.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.CheckRequest;
import org.kslim.check.ShippedPolicy;
import org.kslim.check.SplitAnalyzer;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

/** The history on Debian's 6.1.0-47 and 6.1.0-56 cloud kernels; each is analysed once for the class. */
class HistoryRealTest {
  private static final Map<String, Build> BUILDS = new HashMap<>();

  @TempDir Path dir;

  private static synchronized Build build(String deb) {
    return BUILDS.computeIfAbsent(deb, name -> {
      Path path = SharedData.kernel(name);
      CheckRequest request = CheckRequest.of(path, null).withCacheDirectory(Path.of("target", "size-cache"));
      return Builds.of(SplitAnalyzer.analyze(request), path, ShippedPolicy.textOr(null), Instant.now());
    });
  }

  @RealKernelTest
  void diffListsTheModulesAPlainComparisonOfTheFileListsFinds() throws Exception {
    Map<String, Long> old = moduleFiles(SharedData.kernel(SharedData.OLD_CLOUD_DEB));
    Map<String, Long> now = moduleFiles(SharedData.kernel(SharedData.CLOUD_DEB));

    BuildDiff diff = BuildDiff.between(build(SharedData.OLD_CLOUD_DEB), build(SharedData.CLOUD_DEB));

    Set<String> added = new HashSet<>(now.keySet());
    added.removeAll(old.keySet());
    Set<String> removed = new HashSet<>(old.keySet());
    removed.removeAll(now.keySet());
    assertThat(diff.modules(ModuleChange.Kind.ADDED)).extracting(ModuleChange::path).containsExactlyInAnyOrderElementsOf(added);
    assertThat(diff.modules(ModuleChange.Kind.REMOVED)).extracting(ModuleChange::path).containsExactlyInAnyOrderElementsOf(removed);
    Map<String, Long> changes = new HashMap<>();
    for (String path : now.keySet()) {
      if (old.containsKey(path) && !old.get(path).equals(now.get(path))) {
        changes.put(path, now.get(path) - old.get(path));
      }
    }
    assertThat(changes).isNotEmpty();
    Map<String, Long> reported = new HashMap<>();
    diff.modules().stream().filter(m -> m.kind() == ModuleChange.Kind.GROWN || m.kind() == ModuleChange.Kind.SHRUNK)
        .forEach(m -> reported.put(m.path(), m.impact()));
    assertThat(reported).isEqualTo(changes);
    assertThat(diff.packages()).extracting(PackageChange::key).contains("modules-core");
  }

  @RealKernelTest
  void recordedBuildsGiveTheSameDiff() {
    HistoryStore store = HistoryStore.open("jdbc:sqlite:" + dir.resolve("history.db"));
    long old = store.record(build(SharedData.OLD_CLOUD_DEB)).id();
    long now = store.record(build(SharedData.CLOUD_DEB)).id();

    BuildDiff recorded = BuildDiff.between(store.load(old), store.load(now));
    BuildDiff direct = BuildDiff.between(build(SharedData.OLD_CLOUD_DEB), build(SharedData.CLOUD_DEB));

    assertThat(recorded.modules()).isEqualTo(direct.modules());
    assertThat(recorded.packages()).isEqualTo(direct.packages());
    assertThat(store.load(now).modules()).hasSize(build(SharedData.CLOUD_DEB).modules().size()).hasSizeGreaterThan(1000);
  }

  /** The module files of a deb as {@code dpkg-deb -c} lists them: path under lib/modules/VER, and size. */
  private static Map<String, Long> moduleFiles(Path deb) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("dpkg-deb", "-c", deb.toString()).redirectErrorStream(true).start();
    String listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(listing).isZero();
    Map<String, Long> files = new HashMap<>();
    for (String line : listing.split("\n")) {
      String[] fields = line.trim().split("\\s+");
      String path = fields[fields.length - 1];
      int modules = path.indexOf("/lib/modules/");
      if (line.startsWith("-") && modules >= 0 && path.matches(".*\\.ko(\\.[a-z]+)?")) {
        String relative = path.substring(modules + "/lib/modules/".length());
        files.put(relative.substring(relative.indexOf('/') + 1), Long.parseLong(fields[2]));
      }
    }
    return files;
  }
}

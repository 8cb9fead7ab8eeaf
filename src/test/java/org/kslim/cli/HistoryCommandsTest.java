package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.history.HistoryFixtures;

class HistoryCommandsTest {
  private static final String DRM = "lib/modules/%s/kernel/drivers/gpu/drm/drm.ko";

  @TempDir Path dir;
  String db;
  Path policy;

  @BeforeEach
  void setUp() throws IOException {
    db = "jdbc:sqlite:" + dir.resolve("history.db");
    policy = HistoryFixtures.policy(dir, 1000);
  }

  private Path tree(int release, int padding, boolean withNet) throws IOException {
    return HistoryFixtures.tree(dir.resolve("r" + release), release, padding, withNet);
  }

  private CliRun record(Path tree) {
    return CliRun.of("record", tree.toString(), "--policy", policy.toString(), "--db", db, "--no-cache");
  }

  @Test
  void recordStoresEachBuildOnce() throws IOException {
    Path tree = tree(47, 100, false);

    assertThat(record(tree).out()).startsWith("recorded build:1 6.1.0-47-cloud-amd64 (cloud-amd64, x86-64) in jdbc:sqlite:");
    assertThat(record(tree).out()).startsWith("already recorded as build:1 6.1.0-47-cloud-amd64");
  }

  @Test
  void diffListsAddedAndGrownModulesWithTheirSizeChanges() throws IOException {
    Path old = tree(47, 100, false);
    Path now = tree(56, 3000, true);
    record(old);
    long grown = Files.size(now.resolve(DRM.formatted(HistoryFixtures.kernelVersion(56))))
        - Files.size(old.resolve(DRM.formatted(HistoryFixtures.kernelVersion(47))));

    CliRun run = CliRun.of("diff", "build:1", now.toString(), "--policy", policy.toString(), "--db", db);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("build:1 6.1.0-47-cloud-amd64 -> linux-image-6.1.0-56-cloud-amd64 6.1.0-56-cloud-amd64")
        .contains("add/remove: 1/0 grow/shrink: 1/0")
        .contains("grown   kernel/drivers/gpu/drm/drm.ko [modules]\n    installed +" + grown + " (+")
        .contains("added   kernel/drivers/net/virtio_net.ko [modules-core]")
        .contains("kernel/drivers/gpu ");
    assertThat(run.out().indexOf("virtio_net.ko")).as("sorted by impact").isLessThan(run.out().indexOf("drm.ko"));
  }

  @Test
  void checkWithAHistoryFailsOnACreepLimitNamingTheModulesThatGrewMost() throws IOException {
    record(tree(47, 100, false));

    CliRun run = CliRun.of("check", tree(56, 3000, false).toString(), "--policy", policy.toString(), "--db", db,
        "--no-cache");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("creep limit breached: modules installed: at most +1000 per release")
        .contains("since build:1 6.1.0-47-cloud-amd64; grew most: kernel/drivers/gpu/drm/drm.ko +");
    assertThat(run.out()).contains("creep limit breached: modules installed: at most +10% over 3 releases");
    assertThat(run.err()).contains("2 creep limit(s) breached");
  }

  @Test
  void checkJsonWithAHistoryHoldsTrendWhatIfAndCreepAndPrintsNothingElseOnStdout() throws IOException {
    record(tree(47, 100, false));
    Path junit = dir.resolve("junit.xml");
    Path report = dir.resolve("report");

    CliRun run = CliRun.of("check", tree(56, 3000, false).toString(), "--policy", policy.toString(), "--db", db,
        "--json", "--junit", junit.toString(), "--report", report.toString(), "--record", "--no-cache");

    assertThat(run.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("history")).hasSize(2);
    assertThat(json.path("history").get(0).path("label").asText()).isEqualTo("build:1 6.1.0-47-cloud-amd64");
    assertThat(json.path("history").get(1).path("label").asText()).isEqualTo("6.1.0-56-cloud-amd64 (this build)");
    assertThat(installed(json.path("history").get(1).path("packages"), "modules"))
        .isEqualTo(installed(json.path("packages"), "modules")).isPositive();
    assertThat(json.path("whatif").get(0).path("change").asText())
        .isEqualTo("move drivers/block from modules-core to modules (2 modules)");
    assertThat(json.path("creep").path("passed").asBoolean()).isFalse();
    assertThat(json.path("creep").path("limits").get(0).path("breached").asBoolean()).isTrue();
    assertThat(json.path("creep").path("limits").get(0).path("grewMost").get(0).path("path").asText())
        .isEqualTo("kernel/drivers/gpu/drm/drm.ko");
    assertThat(run.err()).contains("recorded build:2 in jdbc:sqlite:").contains("creep limit(s) breached");
    assertThat(Files.readString(junit)).contains("<testsuite name=\"kslim.creep\"")
        .contains("classname=\"kslim.creep.modules\" name=\"installed per release\"")
        .contains("<failure message=\"modules installed: at most +1000 per release");
    assertThat(new ObjectMapper().readTree(report.resolve("report.json").toFile()).path("history")).hasSize(2);
  }

  private static long installed(JsonNode packages, String name) {
    for (JsonNode p : packages) {
      if (p.path("name").asText().equals(name)) {
        return p.path("measures").path("installed").asLong();
      }
    }
    throw new AssertionError("no package " + name + " in " + packages);
  }

  @Test
  void checkRecordStoresTheBuildItChecked() throws IOException {
    record(tree(47, 100, false));

    CliRun run = CliRun.of("check", tree(48, 150, false).toString(), "--policy", policy.toString(), "--db", db,
        "--record", "--no-cache");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("recorded build:2 in jdbc:sqlite:");
    CliRun history = CliRun.of("history", "--flavour", "cloud-amd64", "--package", "modules", "--db", db);
    assertThat(history.out()).startsWith("modules\n").contains("build:1   6.1.0-47-cloud-amd64")
        .contains("build:2   6.1.0-48-cloud-amd64").contains("budget: installed 1048576")
        .contains("rule default: what no rule claims is optional").doesNotContain("modules-core");
  }

  @Test
  void diffAndHistoryPrintJsonWithTheSameContent() throws IOException {
    Path old = tree(47, 100, false);
    record(old);
    record(tree(56, 3000, true));

    JsonNode diff = new ObjectMapper().readTree(CliRun.of("diff", "build:1", "build:2", "--db", db, "--json").out());
    assertThat(diff.path("schema").asText()).isEqualTo("kslim.diff/1");
    assertThat(diff.path("old").path("label").asText()).isEqualTo("build:1 6.1.0-47-cloud-amd64");
    JsonNode added = diff.path("modules").findParents("kind").stream()
        .filter(m -> m.path("kind").asText().equals("added")).findFirst().orElseThrow();
    assertThat(added.path("path").asText()).isEqualTo("kernel/drivers/net/virtio_net.ko");
    assertThat(added.path("sizes").path("installed").path("before").asLong()).isZero();
    assertThat(added.path("sizes").path("installed").path("after").asLong())
        .isEqualTo(Files.size(dir.resolve("r56/linux-image-6.1.0-56-cloud-amd64/lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/net/virtio_net.ko")));

    JsonNode history = new ObjectMapper().readTree(CliRun.of("history", "--package", "modules", "--db", db, "--json").out());
    assertThat(history.path("schema").asText()).isEqualTo("kslim.history/1");
    assertThat(history.path("packages")).hasSize(1);
    assertThat(history.path("packages").get(0).path("budget").path("installed").asLong()).isEqualTo(1L << 20);
    assertThat(history.path("packages").get(0).path("points")).extracting(p -> p.path("build").path("id").asLong())
        .containsExactly(1L, 2L);
  }

  @Test
  void aBuildNotRecordedIsBadInput() {
    assertThat(CliRun.of("diff", "build:9", "build:1", "--db", db).err()).contains("build:9 is not recorded in jdbc:sqlite:");
    assertThat(CliRun.of("diff", "build:x", "build:1", "--db", db).exit()).isEqualTo(2);
    assertThat(CliRun.of("history", "--db", "mysql://x").err()).contains("--db must be a jdbc:sqlite: or jdbc:postgresql: URL: mysql://x");
  }
}

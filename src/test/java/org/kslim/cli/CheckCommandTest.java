package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.SplitAnalyzerFixtures;

class CheckCommandTest {
  @TempDir Path dir;

  @Test
  void exitsZeroWithinBudgetAndWritesTheReportWhenAsked() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    CliRun run = CliRun.of("check", tree.toString(), "--policy", policy.toString(), "--no-cache",
        "--report", dir.resolve("report").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("core").contains("pass").endsWith("PASS" + System.lineSeparator());
    assertThat(dir.resolve("report/report.json")).isNotEmptyFile();
  }

  @Test
  void exitsOneWhenABudgetIsBreached() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "5000");
    CliRun run = CliRun.of("check", tree.toString(), "--policy", policy.toString(), "--no-cache", "--quiet");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL");
    assertThat(run.err()).startsWith("kslim: 1 budget(s) breached");
  }

  @Test
  void exitsTwoWithFileAndLineForABrokenPolicy() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = dir.resolve("broken.yaml");
    Files.writeString(policy, "kslim: 1\npackages:\n  - name: core\n    depends-on: []\nrules:\n  - default: core\n    reasn: typo\n");
    CliRun run = CliRun.of("check", tree.toString(), "--policy", policy.toString(), "--no-cache");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("kslim: " + policy + ":7").doesNotContain("Exception");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void splitWritesOneListPerPackageAndTheReport() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("split", tree.toString(), "--policy", policy.toString(), "--out", out.toString(), "--no-cache");
    assertThat(run.exit()).as(run.err()).isZero();
    String root = "/lib/modules/" + SplitAnalyzerFixtures.KVER + "/";
    assertThat(Files.readAllLines(out.resolve("core.list")))
        .containsExactly(root + "kernel/drivers/block/virtio_blk.ko", root + "kernel/drivers/virtio/virtio_ring.ko");
    assertThat(Files.readAllLines(out.resolve("optional.list"))).containsExactly(root + "kernel/drivers/gpu/drm/drm.ko");
    assertThat(out.resolve("report.json")).isNotEmptyFile();
  }
}

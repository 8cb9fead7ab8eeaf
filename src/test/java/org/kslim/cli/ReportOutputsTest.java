package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.SplitAnalyzerFixtures;

class ReportOutputsTest {
  @TempDir Path dir;

  @Test
  void splitWritesTheHtmlNextToTheJsonAndReportRendersItAgain() throws IOException {
    Path out = split("1MiB", "--quiet");
    assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>").contains("virtio_blk");
    Files.delete(out.resolve("report.html"));
    CliRun run = CliRun.of("report", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("wrote " + out.resolve("report.html") + System.lineSeparator());
    assertThat(out.resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void reportOfAFolderWithoutJsonIsBadInput() {
    CliRun run = CliRun.of("report", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("kslim: " + dir.resolve("report.json") + ": cannot read");
  }

  @Test
  void checkPrintsTheJsonAndWritesJunitWhenAsked() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "5000");
    Path junit = dir.resolve("ci/kslim-junit.xml");
    CliRun run = CliRun.of("check", tree.toString(), "--policy", policy.toString(), "--no-cache", "--quiet",
        "--json", "--junit", junit.toString(), "--report", dir.resolve("report").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).as("quiet: no progress").isEqualTo("kslim: 1 budget(s) breached, 0 policy violation(s)" + System.lineSeparator());
    assertThat(new ObjectMapper().readTree(run.out()).path("passed").asBoolean(true)).isFalse();
    assertThat(run.out()).isEqualTo(Files.readString(dir.resolve("report/report.json")));
    assertThat(Files.readString(junit)).contains("<failure message=\"core installed: actual ");
    assertThat(dir.resolve("report/report.html")).isNotEmptyFile();
  }

  private Path split(String budget, String... more) throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, budget);
    Path out = dir.resolve("out");
    String[] args = {"split", tree.toString(), "--policy", policy.toString(), "--out", out.toString(), "--no-cache"};
    String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
    CliRun run = CliRun.of(all);
    assertThat(run.exit()).as(run.err()).isZero();
    return out;
  }
}

package org.kslim.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.budget.Verdict;
import org.kslim.report.SplitReportJson;
import org.kslim.size.Measure;

class SplitAnalyzerTest {
  @TempDir Path dir;

  @Test
  void splitsMeasuresAndPassesWithinBudget() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    SplitAnalysis analysis = SplitAnalyzer.analyze(CheckRequest.of(tree, SplitAnalyzerFixtures.policy(dir, "1MiB")));

    assertThat(analysis.split().modules("core"))
        .containsExactly("kernel/drivers/block/virtio_blk.ko", "kernel/drivers/virtio/virtio_ring.ko");
    assertThat(analysis.split().modules("optional")).containsExactly("kernel/drivers/gpu/drm/drm.ko");
    assertThat(analysis.split().moves()).singleElement().satisfies(m -> assertThat(m.module()).endsWith("virtio_ring.ko"));

    long coreInstalled = Files.size(tree.resolve("lib/modules/" + SplitAnalyzerFixtures.KVER + "/kernel/drivers/block/virtio_blk.ko"))
        + Files.size(tree.resolve("lib/modules/" + SplitAnalyzerFixtures.KVER + "/kernel/drivers/virtio/virtio_ring.ko"))
        + 10_000;
    assertThat(analysis.sizes().get("core").get(Measure.INSTALLED)).isEqualTo(coreInstalled);
    assertThat(analysis.sizes().get("core").get(Measure.COMPRESSED)).isPositive();
    Verdict verdict = analysis.budgets().verdicts().get(0);
    assertThat(verdict.actual()).isEqualTo(coreInstalled);
    assertThat(verdict.pass()).isTrue();
    assertThat(analysis.passed()).isTrue();

    JsonNode json = new ObjectMapper().readTree(SplitReportJson.toJson(analysis));
    assertThat(json.get("schema").asText()).isEqualTo(SplitReportJson.SCHEMA);
    assertThat(json.get("passed").asBoolean()).isTrue();
    assertThat(json.get("packages").get(0).get("measures").get("installed").asLong()).isEqualTo(coreInstalled);
    assertThat(json.get("modules")).hasSize(3);
    assertThat(json.get("moves").get(0).get("chain").get(0).get("module").asText()).endsWith("virtio_blk.ko");
  }

  @Test
  void failsWhenCoreOutgrowsItsBudgetAndAWaiverCoversOnlyUntilItExpires() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    SplitAnalysis over = SplitAnalyzer.analyze(CheckRequest.of(tree, SplitAnalyzerFixtures.policy(dir, "5000")));
    assertThat(over.passed()).isFalse();
    assertThat(over.budgets().failures()).singleElement()
        .satisfies(v -> assertThat(v.headroom()).isNegative());

    Path waived = dir.resolve("waived.yaml");
    Files.writeString(waived, Files.readString(SplitAnalyzerFixtures.policy(dir, "5000")) + """
        waivers:
          - {package: core, measure: installed, allow: 1MiB, reason: "growth under review", approved-by: team, expires: 2027-01-31}
        """);
    CheckRequest request = CheckRequest.of(tree, waived);
    assertThat(SplitAnalyzer.analyze(request.withToday(LocalDate.of(2027, 1, 31))).passed()).isTrue();
    SplitAnalysis expired = SplitAnalyzer.analyze(request.withToday(LocalDate.of(2027, 2, 1)));
    assertThat(expired.passed()).isFalse();
    assertThat(expired.budgets().expiredWaivers()).hasSize(1);
  }

}

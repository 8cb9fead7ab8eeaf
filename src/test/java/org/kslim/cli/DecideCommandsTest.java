package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.SplitAnalyzerFixtures;

class DecideCommandsTest {
  @TempDir Path dir;

  @Test
  void whatifPrintsJsonWithTheRefusalAndTheSizeChanges() throws IOException {
    CliRun run = CliRun.of("whatif", SplitAnalyzerFixtures.kernelTree(dir).toString(), "--policy",
        SplitAnalyzerFixtures.policy(dir, "1MiB").toString(), "--no-cache", "--drop", "kernel/drivers/block", "--json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("from").asText()).isEqualTo("core");
    assertThat(json.get("to").asText()).isEqualTo("optional");
    assertThat(json.get("refusals").get(0).get("reason").asText()).isEqualTo("root disk on KVM");
    assertThat(json.get("changes").get(0).get("delta").get("installed").asLong()).isNegative();
    assertThat(json.get("acceptable").asBoolean()).isFalse();
  }

  @Test
  void explainPrintsTheMoveChain() throws IOException {
    CliRun run = CliRun.of("explain", SplitAnalyzerFixtures.kernelTree(dir).toString(), "--policy",
        SplitAnalyzerFixtures.policy(dir, "1MiB").toString(), "--no-cache", "virtio_ring");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("kernel/drivers/virtio/virtio_ring.ko (virtio_ring) is in core",
        "moved from optional to core", "needed by kernel/drivers/block/virtio_blk.ko in core");
  }

  @Test
  void suggestExitsWithAUsageErrorWhenNothingCanMove() throws IOException {
    CliRun run = CliRun.of("suggest", SplitAnalyzerFixtures.kernelTree(dir).toString(), "--policy",
        SplitAnalyzerFixtures.policy(dir, "5000").toString(), "--no-cache", "--fit", "core");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no directory or rule of core can move");
  }
}

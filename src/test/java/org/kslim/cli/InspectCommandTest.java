package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.SplitAnalyzerFixtures;

class InspectCommandTest {
  @TempDir Path dir;

  @Test
  void printsATableAndTheJsonDocument() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    CliRun table = CliRun.of("inspect", tree.toString());
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("kernel      " + SplitAnalyzerFixtures.KVER).contains("modules     3:");
    assertThat(table.out().lines().filter(line -> !line.contains(dir.toString())))
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));

    CliRun json = CliRun.of("inspect", tree.toString(), "--json");
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("schema").asText()).isEqualTo("kslim.inspect/1");
    assertThat(root.get("modules").get("count").asInt()).isEqualTo(3);
  }

  @Test
  void aFileThatIsNoPackageIsOneLineAndExitTwo() throws IOException {
    Path junk = dir.resolve("junk.deb");
    Files.writeString(junk, "this is not a package");
    CliRun run = CliRun.of("inspect", junk.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("kslim: " + junk + ": not a .deb, .rpm or kernel module tree" + System.lineSeparator());
  }

  @Test
  void aTruncatedModuleNamesPackageEntryAndOffset() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path module = tree.resolve("lib/modules/" + SplitAnalyzerFixtures.KVER + "/kernel/drivers/gpu/drm/drm.ko");
    byte[] bytes = Files.readAllBytes(module);
    Files.write(module, java.util.Arrays.copyOf(bytes, 100));
    CliRun run = CliRun.of("inspect", tree.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("kslim: ").contains("drm.ko").contains("malformed ELF at offset");
    assertThat(run.err().lines()).hasSize(1);

    CliRun keepGoing = CliRun.of("inspect", tree.toString(), "--keep-going");
    assertThat(keepGoing.exit()).isZero();
    assertThat(keepGoing.out()).contains("modules     2:").contains("drm.ko");
  }
}

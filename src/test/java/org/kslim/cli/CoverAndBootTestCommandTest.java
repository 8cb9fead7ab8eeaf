package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.SplitAnalyzerFixtures;

class CoverAndBootTestCommandTest {
  @TempDir Path dir;

  private Path profile() throws IOException {
    return Files.writeString(dir.resolve("kvm.yaml"), """
        kslim-profile: 1
        name: kvm
        description: a KVM guest
        devices:
          - {name: virtio-blk, modalias: "virtio:d00000002v00001AF4"}
        """);
  }

  @Test
  void exitsZeroWhenCoreBindsEveryDeviceAndPrintsTheTable() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    CliRun run = CliRun.of("cover", tree.toString(), "--policy", policy.toString(), "--profile", profile().toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("kvm           device     virtio-blk").contains("virtio_blk (core)")
        .endsWith("PASS" + System.lineSeparator());
  }

  @Test
  void exitsOneNamingTheDeviceCoreDoesNotBindAndPrintsJsonWhenAsked() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    Files.writeString(policy, Files.readString(policy).replace("drivers/block/.*: core", "drivers/block/.*: optional")
        .replaceAll("(?s)require:.*?approve-moves:", "approve-moves:"));
    CliRun run = CliRun.of("cover", tree.toString(), "--policy", policy.toString(), "--profile", profile().toString(), "--json");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("\"status\" : \"outside-core\"").contains("\"name\" : \"virtio-blk\"");
    assertThat(run.err()).isEqualTo("kslim: 1 need(s) of the profiles not met by core: kvm virtio-blk" + System.lineSeparator());
  }

  @Test
  void anUnknownShippedProfileIsAUsageError() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    CliRun run = CliRun.of("cover", tree.toString(), "--profile", "mainframe");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("kslim: no shipped profile mainframe");
  }

  @Test
  void bootTestRefusesAnUnknownArchitectureAndANonPositiveTimeout() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    assertThat(CliRun.of("boot-test", tree.toString(), "--arch", "s390x").err())
        .startsWith("kslim: --arch must be x86_64 or aarch64: s390x");
    assertThat(CliRun.of("boot-test", tree.toString(), "--timeout", "0").err())
        .startsWith("kslim: --timeout must be a positive number of seconds: 0");
  }

  @Test
  void bootTestRefusesAKernelOfAnotherArchitecture() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    CliRun run = CliRun.of("boot-test", tree.toString(), "--arch", "aarch64");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("kslim: --arch aarch64 cannot boot " + tree + ": its modules are built for x86-64"
        + System.lineSeparator());
  }
}

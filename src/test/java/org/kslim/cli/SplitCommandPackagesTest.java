package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.kslim.check.SplitAnalyzerFixtures;
import org.kslim.pack.PackFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCommandPackagesTest {
  @TempDir Path dir;

  @Test
  void writesDebsAndTheirReadBackFiguresIntoTheReport() throws Exception {
    Path deb = PackFixtures.kernelDeb(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    Path out = dir.resolve("out");

    CliRun run = CliRun.of("split", deb.toString(), "--policy", policy.toString(), "--out", out.toString(),
        "--format", "deb", "--no-cache");

    assertThat(run.exit()).as(run.err()).isZero();
    String core = "linux-core-" + PackFixtures.KVER + "_6.1.192-2_amd64.deb";
    assertThat(out.resolve(core)).isRegularFile();
    assertThat(out.resolve("linux-image-" + PackFixtures.KVER + "_6.1.192-2_amd64.deb")).isRegularFile();
    assertThat(run.out()).contains("wrote " + out.resolve(core));
    String report = Files.readString(out.resolve("report.json"));
    assertThat(report).contains("\"file\" : \"" + core + "\"").contains("\"fileBytes\" : " + Files.size(out.resolve(core)))
        .contains("\"metaPackage\" : {");
  }

  @Test
  void refusesAnUnknownFormat() {
    CliRun run = CliRun.of("split", "x.deb", "--out", dir.toString(), "--format", "tar");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--format must be lists, rpm or deb: tar");
  }
}

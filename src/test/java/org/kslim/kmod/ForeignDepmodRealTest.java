package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.testing.RealKernelTest;

/**
 * kslim's depmod against kmod's on Debian kernels of other architectures: arm64 (64-bit little
 * endian) and s390x (64-bit big endian). The system property {@code kslim.foreign} names a folder
 * holding the downloaded {@code linux-image-*} and {@code linux-headers-*} packages; without it
 * these tests are skipped, with it a missing package fails them.
 */
class ForeignDepmodRealTest {
  @TempDir Path temp;

  @RealKernelTest
  void arm64KernelMatchesKmod() throws IOException {
    assertMatchesKmod("arm64");
  }

  @RealKernelTest
  void s390xKernelMatchesKmod() throws IOException {
    assertMatchesKmod("s390x");
  }

  private void assertMatchesKmod(String architecture) throws IOException {
    Path image = foreignPackage("linux-image-", architecture);
    Path headers = foreignPackage("linux-headers-", architecture);
    Path root = temp.resolve("root");
    KmodTool.extractDeb(image, root);
    Path headerRoot = temp.resolve("headers");
    KmodTool.extractDeb(headers, headerRoot);
    String version = KmodTool.kernelVersion(root);
    Path symvers = KmodTool.symvers(headerRoot);

    String warnings = KmodTool.depmod(root, version, symvers);
    DepmodRun run = Depmod.run(image, temp.resolve("out"), DepmodOptions.DEFAULTS.withSymvers(symvers));

    KmodTool.assertSameIndexes(root.resolve("lib/modules").resolve(version), run.folder());
    assertThat(run.result().modules()).isNotEmpty();
    if (warnings.isEmpty()) {
      assertThat(run.problemLines()).isEmpty();
    }
  }

  /** The one package in the foreign folder whose name starts with {@code prefix} and is for {@code architecture}. */
  private static Path foreignPackage(String prefix, String architecture) throws IOException {
    String property = System.getProperty("kslim.foreign", "");
    assumeTrue(!property.isBlank(), "foreign kernels off (set -Dkslim.foreign=DIR)");
    Path folder = Path.of(property);
    if (!Files.isDirectory(folder)) {
      fail("kslim.foreign=" + property + " is not a folder");
    }
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> matches = files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith("_" + architecture + ".deb") && !name.contains("-common");
      }).sorted().toList();
      if (matches.size() != 1) {
        fail("expected one " + prefix + "*_" + architecture + ".deb in " + folder + ", found " + matches);
      }
      return matches.get(0);
    }
  }
}

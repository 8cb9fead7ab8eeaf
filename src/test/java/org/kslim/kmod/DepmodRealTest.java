package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

/**
 * kslim's depmod against kmod's: the shared references for the three Debian kernels, and kmod
 * run here on the cloud kernel recompressed as the kernel build compresses modules.
 */
class DepmodRealTest {
  @TempDir Path temp;

  @RealKernelTest
  void genericKernelMatchesKmodsReference() throws IOException {
    assertMatchesReference(SharedData.GENERIC_DEB, SharedData.GENERIC_HEADERS);
  }

  @RealKernelTest
  void cloudKernelMatchesKmodsReference() throws IOException {
    assertMatchesReference(SharedData.CLOUD_DEB, SharedData.CLOUD_HEADERS);
  }

  /** The tree as installed: plain modules, each read a region at a time. */
  @RealKernelTest
  void unpackedCloudKernelTreeMatchesKmodsReference() throws IOException {
    Path root = unpack(SharedData.CLOUD_DEB);

    DepmodRun run = Depmod.run(root, temp.resolve("out"), DepmodOptions.DEFAULTS.withSymvers(symvers(SharedData.CLOUD_HEADERS)));

    assertThat(run.result().modules()).hasSizeGreaterThan(1000).allMatch(m -> m.path().endsWith(".ko"));
    KmodTool.assertSameIndexes(SharedData.reference(run.kernelVersion()), run.folder());
    assertThat(run.problemLines()).isEmpty();
  }

  @RealKernelTest
  void olderCloudKernelMatchesKmodsReference() throws IOException {
    assertMatchesReference(SharedData.OLD_CLOUD_DEB, SharedData.OLD_CLOUD_HEADERS);
  }

  @RealKernelTest
  void xzModulesMatchKmod() throws IOException {
    assertCompressedTreeMatchesKmod("xz", false);
  }

  @RealKernelTest
  void zstdModulesMatchKmod() throws IOException {
    assertCompressedTreeMatchesKmod("zstd", false);
  }

  @RealKernelTest
  void zstdModulesListedWithTheirSuffixInModulesOrderMatchKmod() throws IOException {
    // kmod then finds none of them in modules.order and lists all in its hash table's order
    assertCompressedTreeMatchesKmod("zstd", true);
  }

  @RealKernelTest
  void gzipModulesMatchTheReferenceUnderTheirGzNames() throws IOException {
    // Debian's kmod is built without zlib and ignores .ko.gz, so compare with the reference renamed
    Path root = unpack(SharedData.CLOUD_DEB);
    String version = KmodTool.kernelVersion(root);
    KmodTool.compressModules(root.resolve("lib/modules").resolve(version), "gzip");

    DepmodRun run = Depmod.run(root, temp.resolve("out"), DepmodOptions.DEFAULTS.withSymvers(symvers(SharedData.CLOUD_HEADERS)));

    Path expected = Files.createDirectories(temp.resolve("expected"));
    Path reference = SharedData.reference(version);
    for (String file : KmodTool.INDEX_FILES) {
      String text = Files.readString(reference.resolve(file));
      Files.writeString(expected.resolve(file), file.equals("modules.dep") ? text.replace(".ko", ".ko.gz") : text);
    }
    KmodTool.assertSameIndexes(expected, run.folder());
  }

  @RealKernelTest
  void fedoraStyleRpmOfTheCloudKernelMatchesKmodsReference() throws IOException {
    Path root = unpack(SharedData.CLOUD_DEB);
    String version = KmodTool.kernelVersion(root);
    Path rpm = KmodTool.buildModulesRpm(root, version, Files.createDirectories(temp.resolve("rpm")));

    DepmodRun run = Depmod.run(rpm, temp.resolve("out"), DepmodOptions.DEFAULTS.withSymvers(symvers(SharedData.CLOUD_HEADERS)));

    assertThat(run.kernelVersion()).isEqualTo(version);
    KmodTool.assertSameIndexes(SharedData.reference(version), run.folder());
    assertThat(run.problemLines()).isEmpty();
  }

  private void assertMatchesReference(String deb, String headers) throws IOException {
    long start = System.nanoTime();
    DepmodRun run = Depmod.run(SharedData.kernel(deb), temp.resolve("out"), DepmodOptions.DEFAULTS.withSymvers(symvers(headers)));
    System.out.printf("kslim depmod %s: %d modules in %d ms%n", run.kernelVersion(), run.result().modules().size(),
        (System.nanoTime() - start) / 1_000_000);

    KmodTool.assertSameIndexes(SharedData.reference(run.kernelVersion()), run.folder());
    assertThat(run.problemLines()).isEmpty();
  }

  private void assertCompressedTreeMatchesKmod(String compressor, boolean suffixInModulesOrder) throws IOException {
    Path root = unpack(SharedData.CLOUD_DEB);
    String version = KmodTool.kernelVersion(root);
    Path modules = root.resolve("lib/modules").resolve(version);
    KmodTool.compressModules(modules, compressor);
    if (suffixInModulesOrder) {
      String suffix = compressor.equals("xz") ? ".ko.xz" : ".ko.zst";
      List<String> lines = Files.readAllLines(modules.resolve("modules.order")).stream()
          .map(line -> line.replaceAll("\\.ko$", suffix)).toList();
      Files.write(modules.resolve("modules.order"), lines);
    }
    Path symvers = symvers(SharedData.CLOUD_HEADERS);

    assertThat(KmodTool.depmod(root, version, symvers)).as("depmod's warnings").isEmpty();
    DepmodRun run = Depmod.run(root, temp.resolve("out"), DepmodOptions.DEFAULTS.withSymvers(symvers));

    assertThat(run.result().modules()).allMatch(m -> m.path().endsWith(compressor.equals("xz") ? ".ko.xz" : ".ko.zst"));
    KmodTool.assertSameIndexes(modules, run.folder());
  }

  private Path unpack(String deb) {
    Path root = temp.resolve("root");
    KmodTool.extractDeb(SharedData.kernel(deb), root);
    return root;
  }

  private Path symvers(String headers) throws IOException {
    Path root = temp.resolve("headers");
    KmodTool.extractDeb(SharedData.kernel(headers), root);
    return KmodTool.symvers(root);
  }
}

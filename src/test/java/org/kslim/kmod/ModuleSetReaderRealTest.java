package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kslim.source.Entry;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageReader;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

class ModuleSetReaderRealTest {
  private static final String CLOUD = "6.1.0-56-cloud-amd64";

  @RealKernelTest
  void readsTheCloudKernel() throws IOException {
    ModuleSet set = new ModuleSetReader().read(PackageReader.open(SharedData.kernel(SharedData.CLOUD_DEB)));

    assertMatchesKmodsReference(set, CLOUD);
    assertThat(set.modules()).hasSize(1121);

    assertThat(set.modulesOrder()).hasSize(1121);
    assertThat(set.kernelImage()).map(Entry::path).contains("boot/vmlinuz-" + CLOUD);
    assertThat(set.files()).allMatch(f -> f.elf().describe().equals("ELF64 little-endian x86-64"));
  }

  @RealKernelTest
  void readsTheOlderCloudKernel() throws IOException {
    ModuleSet set = new ModuleSetReader().read(PackageReader.open(SharedData.kernel(SharedData.OLD_CLOUD_DEB)));

    assertMatchesKmodsReference(set, "6.1.0-47-cloud-amd64");
  }

  /**
   * Checks the modules (one a line of kmod's modules.dep), every module's exports and aliases
   * against kmod's modules.symbols and modules.alias.
   */
  private static void assertMatchesKmodsReference(ModuleSet set, String kver) throws IOException {
    Path reference = SharedData.reference(kver);

    assertThat(set.kernelVersion()).isEqualTo(kver);
    assertThat(set.problems()).isEmpty();
    assertThat(set.modules()).extracting(Module::path).containsExactlyInAnyOrderElementsOf(
        Files.readAllLines(reference.resolve("modules.dep")).stream().map(line -> line.substring(0, line.indexOf(':'))).toList());
    assertThat(pairs(set, module -> module.exports().stream().map(s -> "symbol:" + s.name()).toList()))
        .containsExactlyInAnyOrderElementsOf(referencePairs(reference.resolve("modules.symbols")));
    assertThat(pairs(set, module -> module.modinfo().values("alias")))
        .containsExactlyInAnyOrderElementsOf(referencePairs(reference.resolve("modules.alias")));
  }

  @RealKernelTest
  void moduleExportCrcsEqualThoseOfModuleSymvers() throws IOException {
    ModuleSet set = new ModuleSetReader().read(PackageReader.open(SharedData.kernel(SharedData.CLOUD_DEB)));
    KernelExports symvers = KernelExports.fromHeadersPackage(PackageReader.open(SharedData.kernel(SharedData.CLOUD_HEADERS)));

    List<String> differences = new ArrayList<>();
    int compared = 0;
    for (Module module : set.modules()) {
      String owner = module.path().replaceFirst("^kernel/", "").replaceFirst("\\.ko$", "");
      for (ModuleSymbol export : module.exports()) {
        KernelExport expected = symvers.get(export.name()).orElse(null);
        compared++;
        if (expected == null || !expected.owner().equals(owner) || !export.hasCrc() || expected.crc() != export.crc()) {
          differences.add(module.path() + " " + export + " symvers " + expected);
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(compared).isEqualTo(5121);
  }

  @RealKernelTest
  void everyNeededSymbolResolvesWithTheCrcModuleSymversRecords() throws IOException {
    ModuleSet set = new ModuleSetReader().read(PackageReader.open(SharedData.kernel(SharedData.CLOUD_DEB)));
    KernelExports symvers = KernelExports.fromHeadersPackage(PackageReader.open(SharedData.kernel(SharedData.CLOUD_HEADERS)));

    List<String> differences = new ArrayList<>();
    for (Module module : set.modules()) {
      for (ModuleSymbol needed : module.undefined()) {
        KernelExport export = symvers.get(needed.name()).orElse(null);
        boolean resolves = export != null || needed.weak() || needed.name().equals("module_layout");
        if (!resolves || (export != null && needed.hasCrc() && export.crc() != needed.crc())) {
          differences.add(module.path() + " needs " + needed + " symvers " + export);
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(set.modules().stream().mapToInt(m -> m.undefined().size()).sum()).isEqualTo(51789);
  }

  @RealKernelTest
  void readsTheGenericKernelWithTwoThreads() throws IOException {
    KernelPackage pkg = PackageReader.open(SharedData.kernel(SharedData.GENERIC_DEB));

    ModuleSet set = new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withThreads(2)).read(pkg);

    assertMatchesKmodsReference(set, "6.1.0-56-amd64");
    assertThat(set.modules()).hasSize(4023);
    long stored = set.modules().stream().mapToLong(Module::storedSize).sum();
    // the sum of the .ko sizes dpkg-deb -c lists
    assertThat(stored).isEqualTo(397_214_039L);
    assertThat(set.modules().stream().mapToLong(Module::size).sum()).isEqualTo(stored);
  }

  @RealKernelTest
  void theCloudImageAndItsHeadersPackageAgreeOnTheKernelExports() throws IOException {
    KernelPackage pkg = PackageReader.open(SharedData.kernel(SharedData.CLOUD_DEB));
    KernelExports fromImage = KernelExports.fromPackageImage(pkg, "boot/vmlinuz-" + CLOUD);
    KernelExports fromHeaders = KernelExports.fromHeadersPackage(PackageReader.open(SharedData.kernel(SharedData.CLOUD_HEADERS)));

    assertThat(fromImage.all()).containsExactlyInAnyOrderElementsOf(fromHeaders.kernelOnly().all());
  }

  private static List<String> pairs(ModuleSet set, Function<Module, List<String>> names) {
    List<String> pairs = new ArrayList<>();
    set.modules().forEach(module -> names.apply(module).forEach(value -> pairs.add(value + " " + module.name())));
    return pairs;
  }

  /** {@code alias A M} lines as {@code "A M"}. */
  private static List<String> referencePairs(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(line -> line.startsWith("alias "))
        .map(line -> line.substring("alias ".length()))
        .toList();
  }
}

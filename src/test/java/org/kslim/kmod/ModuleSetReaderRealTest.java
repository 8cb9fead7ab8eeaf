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
  void exportsAndAliasesOfEveryCloudModuleMatchKmodsReference() throws IOException {
    ModuleSet set = new ModuleSetReader().read(PackageReader.open(SharedData.kernel(SharedData.CLOUD_DEB)));
    Path reference = SharedData.reference(CLOUD);

    assertThat(set.kernelVersion()).isEqualTo(CLOUD);
    assertThat(set.modules()).hasSize(1121);
    assertThat(set.problems()).isEmpty();
    assertThat(set.modulesOrder()).hasSize(1121);
    assertThat(set.kernelImage()).map(Entry::path).contains("boot/vmlinuz-" + CLOUD);
    assertThat(set.files()).allMatch(f -> f.elf().describe().equals("ELF64 little-endian x86-64"));
    assertThat(pairs(set, module -> module.exports().stream().map(s -> "symbol:" + s.name()).toList()))
        .containsExactlyInAnyOrderElementsOf(referencePairs(reference.resolve("modules.symbols")));
    assertThat(pairs(set, module -> module.modinfo().values("alias")))
        .containsExactlyInAnyOrderElementsOf(referencePairs(reference.resolve("modules.alias")));
  }

  @RealKernelTest
  void readsTheGenericKernelWithTwoThreads() throws IOException {
    KernelPackage pkg = PackageReader.open(SharedData.kernel(SharedData.GENERIC_DEB));

    ModuleSet set = new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withThreads(2)).read(pkg);

    assertThat(set.modules()).hasSize(4023);
    assertThat(set.problems()).isEmpty();
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

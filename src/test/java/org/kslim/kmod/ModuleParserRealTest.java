package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

class ModuleParserRealTest {
  private static final String KVER = "6.1.0-56-cloud-amd64";

  @TempDir Path temp;

  @RealKernelTest
  void exportsAndAliasesOfEveryCloudModuleMatchKmodsReference() throws Exception {
    Path deb = SharedData.kernel(SharedData.CLOUD_DEB);
    Path reference = SharedData.reference(KVER);
    Process extract = new ProcessBuilder("dpkg-deb", "-x", deb.toString(), temp.toString()).inheritIO().start();
    assertThat(extract.waitFor()).isZero();
    Path root = temp.resolve("lib/modules").resolve(KVER);

    Map<String, Module> byName = new HashMap<>();
    ModuleParser parser = new ModuleParser();
    for (Path file : moduleFiles(root)) {
      Module module = parser.parse(root.relativize(file).toString(), Files.readAllBytes(file)).module();
      byName.put(module.name(), module);
    }

    assertThat(byName).hasSize(1121);
    assertThat(pairs(byName, module -> module.exports().stream().map(s -> "symbol:" + s.name()).toList()))
        .containsExactlyInAnyOrderElementsOf(referencePairs(reference.resolve("modules.symbols")));
    assertThat(pairs(byName, module -> module.modinfo().values("alias")))
        .containsExactlyInAnyOrderElementsOf(referencePairs(reference.resolve("modules.alias")));
  }

  private static List<Path> moduleFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> ModuleParser.isModuleFileName(f.getFileName().toString())).sorted().toList();
    }
  }

  private static List<String> pairs(Map<String, Module> byName, Function<Module, List<String>> names) {
    List<String> pairs = new ArrayList<>();
    byName.forEach((name, module) -> names.apply(module).forEach(value -> pairs.add(value + " " + name)));
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

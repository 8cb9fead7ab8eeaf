package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.BadInputException;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

class KernelExportsRealTest {
  @TempDir Path temp;

  @RealKernelTest
  void cloudImageExportsEqualTheKernelEntriesOfModuleSymvers() throws Exception {
    assertImageAgreesWithSymvers(SharedData.CLOUD_DEB, SharedData.CLOUD_HEADERS);
  }

  @RealKernelTest
  void genericImageExportsEqualTheKernelEntriesOfModuleSymvers() throws Exception {
    assertImageAgreesWithSymvers(SharedData.GENERIC_DEB, SharedData.GENERIC_HEADERS);
  }

  @RealKernelTest
  void olderCloudImageExportsEqualTheKernelEntriesOfModuleSymvers() throws Exception {
    assertImageAgreesWithSymvers(SharedData.OLD_CLOUD_DEB, SharedData.OLD_CLOUD_HEADERS);
  }

  @RealKernelTest
  void refusesDebiansPlaceholderSystemMap() throws Exception {
    Path map = extract(SharedData.CLOUD_DEB, "./boot/System.map-*");

    assertThatThrownBy(() -> KernelExports.fromSystemMap(map))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("names no exported symbol");
  }

  private void assertImageAgreesWithSymvers(String imageDeb, String headersDeb) throws Exception {
    Path image = extract(imageDeb, "./boot/vmlinuz-*");
    Path symvers = extract(headersDeb, "*/Module.symvers");

    KernelExports fromImage = KernelExports.fromImage(image);
    KernelExports fromSymvers = KernelExports.fromSymvers(symvers).kernelOnly();

    List<String> differences = new ArrayList<>();
    for (KernelExport expected : fromSymvers.all()) {
      fromImage.get(expected.name()).ifPresentOrElse(actual -> {
        if (actual.crc() != expected.crc() || !actual.type().equals(expected.type()) || !actual.namespace().equals(expected.namespace())) {
          differences.add("differs: symvers " + expected + " image " + actual);
        }
      }, () -> differences.add("only in Module.symvers: " + expected));
    }
    fromImage.all().stream().filter(e -> fromSymvers.get(e.name()).isEmpty()).forEach(e -> differences.add("only in the image: " + e));
    assertThat(differences).isEmpty();
    assertThat(fromImage.size()).isEqualTo(fromSymvers.size()).isPositive();
    assertThat(fromImage.all()).allMatch(KernelExport::hasCrc);
  }

  /** Extracts the one file of a .deb matching {@code pattern} with dpkg-deb and tar. */
  private Path extract(String deb, String pattern) throws Exception {
    Path folder = Files.createTempDirectory(temp, "deb");
    String command = "dpkg-deb --fsys-tarfile \"$1\" | tar -x -C \"$2\" --wildcards \"$3\"";
    Process process = new ProcessBuilder("sh", "-c", command, "sh", SharedData.kernel(deb).toString(), folder.toString(), pattern)
        .inheritIO().start();
    assertThat(process.waitFor()).isZero();
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> found = files.filter(Files::isRegularFile).toList();
      assertThat(found).hasSize(1);
      return found.get(0);
    }
  }
}

package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kslim.BadInputException;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;
import org.kslim.source.EntryVisitor;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;

class SizeMeterPackageTest {
  private final SizeMeter meter = new SizeMeter(SizeSettings.of(PayloadFormat.RPM).withThreads(2),
      SizeCache.disabled());

  /** A package streaming fixed entries; {@code short} content ends early. */
  private record FakePackage(List<FileContent> files, int cut) implements KernelPackage {
    @Override
    public Path path() {
      return Path.of("fake.deb");
    }

    @Override
    public PackageFormat format() {
      return PackageFormat.DEB;
    }

    @Override
    public PackageInfo info() {
      return new PackageInfo("fake", "1", "1", "amd64", "", Map.of(), Map.of());
    }

    @Override
    public void forEachEntry(EntryVisitor visitor) throws IOException {
      for (FileContent f : files) {
        byte[] bytes = f.bytes();
        visitor.visit(f.entry(), new ByteArrayInputStream(bytes, 0, Math.max(0, bytes.length - cut)));
      }
    }
  }

  @Test
  void readsThePackageOnceAndMeasuresEachAssignedPackage() throws IOException {
    List<FileContent> files = List.of(Fixtures.dir("lib/modules/6.1.0"),
        Fixtures.file("lib/modules/6.1.0/kernel/drivers/a.ko", Fixtures.compressible(5000, 1)),
        Fixtures.file("lib/modules/6.1.0/kernel/fs/ext4.ko", Fixtures.compressible(9000, 2)),
        Fixtures.file("boot/vmlinuz", Fixtures.compressible(3000, 3)));

    SizeSheet sheet = meter.measure(new FakePackage(files, 0), entry -> entry.path().startsWith("boot/")
        ? Optional.empty()
        : Optional.of(entry.path().contains("/drivers/") ? "modules-extra" : "modules-core"));

    assertThat(sheet.packages()).extracting(PackageSizes::name).containsExactly("modules-core", "modules-extra");
    assertThat(sheet.get("modules-core").get(Measure.INSTALLED)).isEqualTo(9000);
    assertThat(sheet.get("modules-extra").get(Measure.FILES)).isEqualTo(1);
    assertThat(sheet.get("modules-extra").get(Measure.COMPRESSED)).isBetween(100L, 5000L);
    assertThat(sheet.get("modules-core").format()).isEqualTo(PayloadFormat.RPM);
    assertThat(sheet.find("boot")).isEmpty();
  }

  @Test
  void contentShorterThanItsEntryIsBadInputNamingFileAndEntry() {
    List<FileContent> files = List.of(Fixtures.file("lib/a.ko", "0123456789"));

    assertThatThrownBy(() -> meter.measure(new FakePackage(files, 4), entry -> Optional.of("core")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("fake.deb!lib/a.ko: content ends after 6 of 10 bytes");
  }

  @Test
  void fileContentMustMatchItsEntry() {
    Entry dir = new Entry("lib", EntryType.DIRECTORY, 0755, "root", "root", 0, 0, null);
    assertThatThrownBy(() -> new FileContent(dir, new byte[1])).hasMessageContaining("DIRECTORY has 1 bytes");
    Entry file = new Entry("a.ko", EntryType.FILE, 0644, "root", "root", 0, 3, null);
    assertThatThrownBy(() -> new FileContent(file, new byte[2]))
        .hasMessage("a.ko: content holds 2 bytes but the entry declares 3");
  }
}

package org.kslim.source.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.BadInputException;
import org.kslim.source.Entry;
import org.kslim.source.EntryCollector;
import org.kslim.source.EntryType;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageReader;
import org.kslim.source.SourceLimits;

class TreePackageTest {
  private static final String KVER = "6.1.0-56-amd64";

  @TempDir Path dir;

  @Test
  void readsAPackageRootWithBootAndLibModules() throws IOException {
    Path modules = moduleFolder(dir.resolve("lib/modules/" + KVER));
    write(dir.resolve("boot/vmlinuz-" + KVER), "kernel");
    Files.createSymbolicLink(modules.resolve("build"), Path.of("/usr/src/linux-headers-" + KVER));

    KernelPackage pkg = PackageReader.open(dir);
    EntryCollector entries = EntryCollector.of(pkg);

    assertThat(pkg.format()).isEqualTo(PackageFormat.TREE);
    assertThat(entries.paths()).containsExactly(
        "boot",
        "boot/vmlinuz-" + KVER,
        "lib",
        "lib/modules",
        "lib/modules/" + KVER,
        "lib/modules/" + KVER + "/build",
        "lib/modules/" + KVER + "/kernel",
        "lib/modules/" + KVER + "/kernel/fs",
        "lib/modules/" + KVER + "/kernel/fs/ext4.ko",
        "lib/modules/" + KVER + "/modules.order");
    Entry build = entries.entry("lib/modules/" + KVER + "/build");
    assertThat(build.type()).isEqualTo(EntryType.SYMLINK);
    assertThat(build.linkTarget()).isEqualTo("/usr/src/linux-headers-" + KVER);
    assertThat(entries.content("lib/modules/" + KVER + "/build")).isEmpty();
  }

  @Test
  void readsFileMetadataAndContent() throws IOException {
    Path modules = moduleFolder(dir.resolve("usr/lib/modules/" + KVER));
    Path ko = modules.resolve("kernel/fs/ext4.ko");
    Files.setPosixFilePermissions(ko, PosixFilePermissions.fromString("rw-r-----"));
    Files.setLastModifiedTime(ko, FileTime.fromMillis(1_700_000_000_999L));

    EntryCollector entries = EntryCollector.of(PackageReader.open(dir));

    Entry entry = entries.entry("usr/lib/modules/" + KVER + "/kernel/fs/ext4.ko");
    assertThat(entry.type()).isEqualTo(EntryType.FILE);
    assertThat(entry.mode()).isEqualTo(0640);
    assertThat(entry.size()).isEqualTo(7);
    assertThat(entry.mtime()).isEqualTo(1_700_000_000L);
    assertThat(entry.user()).isEqualTo(Files.getOwner(ko).getName());
    assertThat(entries.content(entry.path())).asString(StandardCharsets.UTF_8).isEqualTo("ELF ko!");
    assertThat(entries.entry("usr/lib/modules/" + KVER).type()).isEqualTo(EntryType.DIRECTORY);
  }

  @Test
  void readsAFolderThatIsItselfLibModulesVer() throws IOException {
    Path modules = moduleFolder(dir.resolve(KVER));
    Files.delete(modules.resolve("modules.order"));

    KernelPackage pkg = PackageReader.open(modules);
    EntryCollector entries = EntryCollector.of(pkg);

    assertThat(pkg.info().name()).isEqualTo(KVER);
    assertThat(entries.paths()).containsExactly(
        "lib/modules/" + KVER,
        "lib/modules/" + KVER + "/kernel",
        "lib/modules/" + KVER + "/kernel/fs",
        "lib/modules/" + KVER + "/kernel/fs/ext4.ko");
  }

  @Test
  void reportsEachNameOfAHardLinkAsAFileWithContent() throws IOException {
    Path modules = moduleFolder(dir.resolve("lib/modules/" + KVER));
    Files.createLink(modules.resolve("kernel/fs/ext4-again.ko"), modules.resolve("kernel/fs/ext4.ko"));

    EntryCollector entries = EntryCollector.of(PackageReader.open(dir));

    Entry again = entries.entry("lib/modules/" + KVER + "/kernel/fs/ext4-again.ko");
    assertThat(again.type()).isEqualTo(EntryType.FILE);
    assertThat(entries.content(again.path())).asString(StandardCharsets.UTF_8).isEqualTo("ELF ko!");
  }

  @Test
  void visitsEntriesInTheOrderOfTheirPathsSortedAsStrings() throws IOException {
    Path kernel = moduleFolder(dir.resolve("lib/modules/" + KVER)).resolve("kernel");
    // a folder "d" sorts before "d-x" and "d.x", but what it holds ("d/...") sorts after them
    for (String name : List.of("d/z.ko", "d-x.ko", "d.x/y.ko", "d0.ko", "d/a/b.ko", "d+.ko", "e", "c/d")) {
      write(kernel.resolve(name), "ELF ko!");
    }

    List<String> paths = EntryCollector.of(PackageReader.open(dir)).paths();

    assertThat(paths).isSortedAccordingTo(Comparator.naturalOrder()).contains(
        "lib/modules/" + KVER + "/kernel/d", "lib/modules/" + KVER + "/kernel/d-x.ko", "lib/modules/" + KVER + "/kernel/d/a/b.ko");
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(paths).containsExactlyInAnyOrderElementsOf(
          files.filter(f -> !f.equals(dir)).map(f -> dir.relativize(f).toString()).toList());
    }
  }

  @Test
  void visitsEntriesOfRandomTreesInSortedOrder() throws IOException {
    Random random = new Random(42);
    String alphabet = "ad.-+_0/";
    Path kernel = moduleFolder(dir.resolve("lib/modules/" + KVER)).resolve("kernel");
    for (int i = 0; i < 200; i++) {
      StringBuilder name = new StringBuilder("x");
      for (int n = random.nextInt(8); n > 0; n--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      Path file = kernel.resolve(name.toString().replaceAll("/+", "/") + "q");
      if (noFileOnTheWay(kernel, file)) {
        write(file, "ELF ko!");
      }
    }

    List<String> paths = EntryCollector.of(PackageReader.open(dir)).paths();

    assertThat(paths).hasSizeGreaterThan(100).isSortedAccordingTo(Comparator.naturalOrder());
  }

  @Test
  void refusesMoreEntriesThanTheLimit() throws IOException {
    moduleFolder(dir.resolve("lib/modules/" + KVER));

    KernelPackage pkg = PackageReader.open(dir, SourceLimits.DEFAULTS.withMaxEntryCount(3));

    assertThatThrownBy(() -> EntryCollector.of(pkg))
        .isInstanceOf(BadInputException.class)
        .hasMessage(dir + ": more than 3 entries (limit)");
  }

  @Test
  void refusesAFolderWithoutModules() throws IOException {
    write(dir.resolve("etc/motd"), "hello");

    assertThatThrownBy(() -> PackageReader.open(dir))
        .isInstanceOf(BadInputException.class)
        .hasMessage(dir + ": not a .deb, .rpm or kernel module tree");
  }

  @Test
  void refusesAMissingPath() {
    Path missing = dir.resolve("missing.deb");

    assertThatThrownBy(() -> PackageReader.open(missing))
        .isInstanceOf(BadInputException.class)
        .hasMessage(missing + ": no such file or folder");
  }

  /** Whether {@code file} can be written new: it does not exist, and no folder it would be in (below {@code top}) is a file. */
  private static boolean noFileOnTheWay(Path top, Path file) {
    if (Files.exists(file)) {
      return false;
    }
    for (Path folder = file.getParent(); !folder.equals(top); folder = folder.getParent()) {
      if (Files.exists(folder) && !Files.isDirectory(folder)) {
        return false;
      }
    }
    return true;
  }

  private static Path moduleFolder(Path modules) throws IOException {
    write(modules.resolve("kernel/fs/ext4.ko"), "ELF ko!");
    write(modules.resolve("modules.order"), "kernel/fs/ext4.ko\n");
    return modules;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

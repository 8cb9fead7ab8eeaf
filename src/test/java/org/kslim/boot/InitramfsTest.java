package org.kslim.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.BadInputException;
import org.kslim.check.CheckRequest;
import org.kslim.check.ModulePlacement;
import org.kslim.check.SplitAnalyzer;

class InitramfsTest {
  @TempDir Path dir;

  /** Every entry of a newc archive: name to "d", "l:TARGET" or the file's text. */
  private static Map<String, String> read(InputStream in) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (CpioArchiveInputStream cpio = new CpioArchiveInputStream(in)) {
      CpioArchiveEntry entry;
      while ((entry = cpio.getNextEntry()) != null) {
        assertThat(entry.getFormat()).isEqualTo(CpioArchiveEntry.FORMAT_NEW);
        String content = new String(cpio.readAllBytes(), StandardCharsets.UTF_8);
        entries.put(entry.getName(), entry.isDirectory() ? "d" : entry.isSymbolicLink() ? "l:" + content : content);
      }
    }
    return entries;
  }

  @Test
  void cpioWritesParentsFirstThenFilesAndLinksThenTheTrailer() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CpioWriter cpio = new CpioWriter(bytes)) {
      cpio.file("init", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
      cpio.file("lib/modules/v/kernel/a.ko", 0644, "abc".getBytes(StandardCharsets.UTF_8));
      cpio.symlink("bin/sh", "busybox");
      cpio.directory("lib/modules");
    }
    assertThat(bytes.size() % 4).isZero();
    Map<String, String> entries = read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
    assertThat(entries).containsExactly(
        Map.entry("init", "#!/bin/sh\n"), Map.entry("lib", "d"), Map.entry("lib/modules", "d"),
        Map.entry("lib/modules/v", "d"), Map.entry("lib/modules/v/kernel", "d"),
        Map.entry("lib/modules/v/kernel/a.ko", "abc"), Map.entry("bin", "d"), Map.entry("bin/sh", "l:busybox"));
  }

  @Test
  void cpioRefusesPathsOutsideTheArchiveAndShortContent() {
    CpioWriter cpio = new CpioWriter(new ByteArrayOutputStream());
    assertThatThrownBy(() -> cpio.file("../etc/passwd", 0644, new byte[1])).hasMessageContaining("../etc/passwd");
    assertThatThrownBy(() -> cpio.file("/init", 0644, new byte[1])).hasMessageContaining("/init");
    assertThatThrownBy(() -> cpio.file("x", 0644, 10, new java.io.ByteArrayInputStream(new byte[3])))
        .hasMessage("x: expected 10 bytes, read 3");
  }

  private ModulePlacement placement(boolean withNetRule) throws IOException {
    return SplitAnalyzer.place(CheckRequest.of(CoverFixtures.tree(dir), CoverFixtures.policy(dir, withNetRule)));
  }

  private Initramfs.Built build(ModulePlacement placement, Path busybox, InitramfsCompression compression, String work)
      throws IOException {
    return Initramfs.build(placement, placement.split().modules("core"), busybox, compression, dir.resolve(work));
  }

  @Test
  void theInitramfsHoldsBusyboxInitTheCoreModulesAndTheirIndexes() throws IOException {
    Path busybox = Files.writeString(dir.resolve("busybox"), "a busybox");
    Initramfs.Built built = build(placement(false), busybox, InitramfsCompression.GZIP, "work");

    assertThat(built.modules()).isEqualTo(4);
    assertThat(built.kernel()).hasContent("a kernel image");
    Map<String, String> entries;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(built.initramfs()))) {
      entries = read(in);
    }
    String root = "lib/modules/" + CoverFixtures.KVER + "/";
    assertThat(entries).containsEntry("bin/busybox", "a busybox")
        .containsEntry("init", new String(Initramfs.initScript(), StandardCharsets.UTF_8))
        .containsKeys(root + "kernel/drivers/virtio/virtio_pci.ko", root + "kernel/drivers/block/virtio_blk.ko",
            root + "kernel/fs/ext4/ext4.ko", root + "modules.symbols", root + "modules.softdep", root + "modules.devname")
        .doesNotContainKeys(root + "kernel/drivers/net/virtio_net.ko", root + "kernel/drivers/gpu/drm/virtio/virtio-gpu.ko");
    assertThat(entries.get(root + "modules.dep")).contains(
        "kernel/drivers/virtio/virtio_pci.ko: kernel/drivers/virtio/virtio_ring.ko\n");
    assertThat(entries.get(root + "modules.alias"))
        .contains("alias virtio:d00000002v* virtio_blk\n").doesNotContain("virtio_net");
    assertThat(entries.get(root + "modules.builtin")).isEqualTo("kernel/drivers/char/hw_random/virtio-rng.ko\n");
    assertThat(new java.util.ArrayList<>(entries.keySet()).indexOf("lib"))
        .isLessThan(new java.util.ArrayList<>(entries.keySet()).indexOf(root + "kernel/fs/ext4/ext4.ko"));
  }

  @Test
  void anUncompressedInitramfsIsPlainCpioAndAMissingBusyboxIsNamed() throws IOException {
    ModulePlacement placement = placement(true);
    Path busybox = Files.writeString(dir.resolve("busybox"), "a busybox");
    Initramfs.Built built = build(placement, busybox, InitramfsCompression.NONE, "work");
    try (InputStream in = Files.newInputStream(built.initramfs())) {
      assertThat(read(in)).containsKey("lib/modules/" + CoverFixtures.KVER + "/kernel/drivers/net/virtio_net.ko");
    }
    assertThatThrownBy(() -> build(placement, dir.resolve("none"), InitramfsCompression.NONE, "work2"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(dir.resolve("none") + ": no busybox there");
  }
}

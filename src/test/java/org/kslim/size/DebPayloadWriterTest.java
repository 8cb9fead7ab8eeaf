package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kslim.size.Fixtures.dir;
import static org.kslim.size.Fixtures.file;
import static org.kslim.size.Fixtures.hardlink;
import static org.kslim.size.Fixtures.symlink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class DebPayloadWriterTest {
  private static byte[] write(List<FileContent> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DebPayloadWriter().write(files, out);
    return out.toByteArray();
  }

  private static List<TarArchiveEntry> read(byte[] tar) throws IOException {
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.add(e);
      }
    }
    return entries;
  }

  @Test
  void ordersLikeDpkgDebTreeWalkWithParentsAndSymlinksLast() throws IOException {
    byte[] tar = write(List.of(
        symlink("a-c/l", "../a/b/f"), file("a/b/f", "hi\n"), file("a/B", ""), symlink("a/b/g", "f"),
        file("z/empty", ""), hardlink("z/hard", "a/b/f"), dir("a-c")));

    assertThat(read(tar)).extracting(TarArchiveEntry::getName).containsExactly(
        "./", "./a/", "./a/B", "./a/b/", "./a/b/f", "./a-c/", "./z/", "./z/empty", "./z/hard",
        "./a/b/g", "./a-c/l");
    assertThat(read(tar).get(8).isLink()).isTrue();
    assertThat(read(tar).get(8).getLinkName()).isEqualTo("./a/b/f");
    assertThat(read(tar).get(10).getLinkName()).isEqualTo("../a/b/f");
    assertThat(tar).hasSize(10240);
  }

  @Test
  void namesOver100BytesGetGnuLongLinkAsGnuTarWritesThem() throws IOException {
    String fits = "d".repeat(97);               // "./" + 97 + "/" = 100 bytes: no long link
    String longer = "e".repeat(98);             // 101 bytes with the slash
    String target = "q".repeat(101);
    byte[] tar = write(List.of(dir(fits), dir(longer), symlink("l", target)));

    List<TarArchiveEntry> entries = read(tar);
    assertThat(entries).extracting(TarArchiveEntry::getName)
        .containsExactly("./", "./" + fits + "/", "./" + longer + "/", "./l");
    assertThat(entries.get(3).getLinkName()).isEqualTo(target);
    // root, fits, (long-name header + 1 data block) + longer, (long-link header + data) + l, then 2 zero blocks
    int blocks = 1 + 1 + 2 + 1 + 2 + 1 + 2;
    assertThat(blocks * 512).isLessThan(10240);
    assertThat(tar).hasSize(10240);
    assertThat(new String(tar, 2 * 512, 13, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("././@LongLink");
  }

  @Test
  void lengthMatchesCommonsCompressGnuTarForTheSameMembers() throws IOException {
    List<FileContent> files = List.of(file("boot/vmlinuz", Fixtures.compressible(70_000, 1)),
        file("lib/modules/6.1.0/kernel/" + "x".repeat(120) + ".ko", Fixtures.compressible(513, 2)),
        file("lib/modules/6.1.0/modules.dep", ""));
    byte[] ours = write(files);

    ByteArrayOutputStream reference = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(reference, 10240)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      for (FileContent f : FileTree.withParents(files)) {
        String name = f.entry().path().isEmpty() ? "./" : "./" + f.entry().path() + (f.entry().isFile() ? "" : "/");
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(f.bytes().length);
        tar.putArchiveEntry(e);
        tar.write(f.bytes());
        tar.closeArchiveEntry();
      }
    }
    assertThat(ours).hasSize(reference.size());
    assertThat(read(ours)).extracting(TarArchiveEntry::getSize).contains(70_000L, 513L, 0L);
  }

  @Test
  void emptyFileSetIsTheRootAlone() throws IOException {
    assertThat(read(write(List.of()))).extracting(TarArchiveEntry::getName).containsExactly("./");
  }
}

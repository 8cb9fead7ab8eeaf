package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kslim.size.Fixtures.dir;
import static org.kslim.size.Fixtures.file;
import static org.kslim.size.Fixtures.symlink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.junit.jupiter.api.Test;

class RpmPayloadWriterTest {
  private static byte[] write(List<FileContent> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RpmPayloadWriter().write(files, out);
    return out.toByteArray();
  }

  @Test
  void writesWhatRpmbuildWritesForADirectoryAFileAndASymlink() throws IOException {
    // rpmbuild 4.18 wrote exactly 508 bytes of cpio for %files /usr/lib/x holding f ("hello\n") and l -> f
    byte[] cpio = write(List.of(symlink("usr/lib/x/l", "f"), file("usr/lib/x/f", "hello\n"), dir("usr/lib/x")));

    assertThat(cpio).hasSize(508);
    List<CpioArchiveEntry> entries = new ArrayList<>();
    try (CpioArchiveInputStream in = new CpioArchiveInputStream(new ByteArrayInputStream(cpio))) {
      for (CpioArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.add(e);
      }
    }
    assertThat(entries).extracting(CpioArchiveEntry::getName)
        .containsExactly("./usr/lib/x", "./usr/lib/x/f", "./usr/lib/x/l");
    assertThat(entries.get(0).isDirectory()).isTrue();
    assertThat(entries.get(2).isSymbolicLink()).isTrue();
    assertThat(entries.get(2).getSize()).isEqualTo(1);
  }

  @Test
  void sortsWholePathsBytewiseAndMatchesCommonsCompressNewcLength() throws IOException {
    List<FileContent> files = List.of(file("a/b", "12345"), file("a-c", ""), file("a/B", "x"),
        file("lib/" + "m".repeat(200) + ".ko", Fixtures.compressible(1001, 3)));
    byte[] cpio = write(files);

    ByteArrayOutputStream reference = new ByteArrayOutputStream();
    try (CpioArchiveOutputStream out = new CpioArchiveOutputStream(reference, CpioConstants.FORMAT_NEW, 4)) {
      for (String name : List.of("./a-c", "./a/B", "./a/b", "./lib/" + "m".repeat(200) + ".ko")) {
        FileContent f = files.stream().filter(c -> ("./" + c.entry().path()).equals(name)).findFirst().orElseThrow();
        CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name, f.bytes().length);
        e.setMode(CpioConstants.C_ISREG | 0644);
        out.putArchiveEntry(e);
        out.write(f.bytes());
        out.closeArchiveEntry();
      }
    }
    assertThat(cpio).hasSize(reference.size());
    List<String> names = new ArrayList<>();
    try (CpioArchiveInputStream in = new CpioArchiveInputStream(new ByteArrayInputStream(cpio))) {
      for (CpioArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertThat(names).containsExactly("./a-c", "./a/B", "./a/b", "./lib/" + "m".repeat(200) + ".ko");
  }
}

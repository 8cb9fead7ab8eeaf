package org.kslim.source.rpm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.kslim.source.Compression;
import org.kslim.source.CompressionTest;

/**
 * Writes minimal rpm files for tests: lead, signature header, main header with the file tags,
 * and a cpio payload in the chosen cpio format and compression.
 *
 * <pre>{@code
 * Path rpm = new RpmBuilder().file("./usr/lib/modules/6.12.0/kernel/a.ko", "ko").write(dir.resolve("a.rpm"));
 * }</pre>
 */
public final class RpmBuilder {
  private record File(String path, int mode, String user, String link, byte[] content, int links, int inode) {}

  private final List<File> files = new ArrayList<>();
  private final Map<RpmTag, String> scripts = new LinkedHashMap<>();
  private Compression compression = Compression.ZSTD;
  private short cpioFormat = CpioConstants.FORMAT_NEW;
  private RpmHeaderWriter header;
  private byte[] mainHeader;

  public RpmBuilder compression(Compression value) {
    compression = value;
    return this;
  }

  /** {@link CpioConstants#FORMAT_NEW} (070701) or {@link CpioConstants#FORMAT_NEW_CRC} (070702). */
  public RpmBuilder cpioFormat(short format) {
    cpioFormat = format;
    return this;
  }

  public RpmBuilder script(RpmTag tag, String body) {
    scripts.put(tag, body);
    return this;
  }

  public RpmBuilder directory(String path) {
    files.add(new File(path, 040755, "root", "", new byte[0], 1, files.size() + 1));
    return this;
  }

  public RpmBuilder file(String path, String content) {
    return file(path, content.getBytes(StandardCharsets.UTF_8), "root");
  }

  public RpmBuilder file(String path, byte[] content, String user) {
    files.add(new File(path, 0100644, user, "", content, 1, files.size() + 1));
    return this;
  }

  public RpmBuilder symlink(String path, String target) {
    files.add(new File(path, 0120777, "root", target, target.getBytes(StandardCharsets.UTF_8), 1, files.size() + 1));
    return this;
  }

  /** A character device (mode 020600), as no kernel package holds. */
  public RpmBuilder device(String path) {
    files.add(new File(path, 020600, "root", "", new byte[0], 1, files.size() + 1));
    return this;
  }

  /** Names that share one inode and {@code content}, carried by the last name in the cpio. */
  public RpmBuilder hardlinks(byte[] content, String... paths) {
    int inode = files.size() + 1;
    for (String path : paths) {
      files.add(new File(path, 0100644, "root", "", content, paths.length, inode));
    }
    return this;
  }

  /** Uses {@code bytes} as the main header instead of the one the builder would write. */
  public RpmBuilder mainHeader(byte[] bytes) {
    mainHeader = bytes;
    return this;
  }

  /** The main header as the builder would write it, for tests that add to it. */
  RpmHeaderWriter header() {
    if (header == null) {
      header = defaultHeader();
    }
    return header;
  }

  public byte[] build() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(lead());
    byte[] signature = new RpmHeaderWriter().int32(1000, List.of(1234L)).bin(1004, new byte[] {1, 2, 3}).build();
    out.writeBytes(signature);
    out.writeBytes(new byte[(8 - signature.length % 8) % 8]);
    out.writeBytes(mainHeader != null ? mainHeader : header().build());
    out.writeBytes(CompressionTest.compress(compression, cpio()));
    return out.toByteArray();
  }

  public Path write(Path file) throws IOException {
    return Files.write(file, build());
  }

  private static byte[] lead() {
    ByteBuffer lead = ByteBuffer.allocate(RpmLead.SIZE);
    lead.putInt(0xEDABEEDB).put((byte) 3).put((byte) 0).putShort((short) 0).putShort((short) 1);
    byte[] name = "kernel-modules-6.12.0-1".getBytes(StandardCharsets.US_ASCII);
    lead.put(name).position(76);
    lead.putShort((short) 1).putShort((short) 5);
    return lead.array();
  }

  private RpmHeaderWriter defaultHeader() {
    List<String> dirs = new ArrayList<>();
    List<Long> dirIndexes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (File file : files) {
      String path = file.path().substring(1);
      int slash = path.lastIndexOf('/');
      String dir = path.substring(0, slash + 1);
      if (!dirs.contains(dir)) {
        dirs.add(dir);
      }
      dirIndexes.add((long) dirs.indexOf(dir));
      names.add(path.substring(slash + 1));
    }
    RpmHeaderWriter writer = new RpmHeaderWriter()
        .string(RpmTag.NAME.number(), "kernel-modules")
        .string(RpmTag.VERSION.number(), "6.12.0")
        .string(RpmTag.RELEASE.number(), "1.fc41")
        .string(RpmTag.LICENSE.number(), "GPL-2.0-only")
        .string(RpmTag.ARCH.number(), "x86_64")
        .int32(RpmTag.BUILDTIME.number(), List.of(1_700_000_000L))
        .string(RpmTag.PAYLOADFORMAT.number(), "cpio")
        .string(RpmTag.PAYLOADCOMPRESSOR.number(), compression.name().toLowerCase(java.util.Locale.ROOT))
        .strings(RpmTag.POSTINPROG.number(), List.of("/bin/sh", "-e"));
    scripts.forEach((tag, body) -> writer.string(tag.number(), body));
    return writer
        .int32(RpmTag.FILESIZES.number(), files.stream().map(f -> (f.mode() & 0170000) == 040000 ? 4096L : f.content().length).toList())
        .int16(RpmTag.FILEMODES.number(), files.stream().map(File::mode).toList())
        .int32(RpmTag.FILEMTIMES.number(), files.stream().map(f -> 1_700_000_000L).toList())
        .strings(RpmTag.FILELINKTOS.number(), files.stream().map(File::link).toList())
        .strings(RpmTag.FILEUSERNAME.number(), files.stream().map(File::user).toList())
        .strings(RpmTag.FILEGROUPNAME.number(), files.stream().map(f -> "root").toList())
        .int32(RpmTag.DIRINDEXES.number(), dirIndexes)
        .strings(RpmTag.BASENAMES.number(), names)
        .strings(RpmTag.DIRNAMES.number(), dirs);
  }

  private byte[] cpio() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(bytes, cpioFormat)) {
      Map<Integer, Integer> remaining = new LinkedHashMap<>();
      for (File file : files) {
        int left = remaining.merge(file.inode(), file.links(), (old, links) -> old) - 1;
        remaining.put(file.inode(), left);
        byte[] content = left == 0 ? file.content() : new byte[0];
        CpioArchiveEntry entry = new CpioArchiveEntry(cpioFormat, file.path(), content.length);
        entry.setMode(file.mode());
        entry.setNumberOfLinks(file.links());
        entry.setInode(file.inode());
        entry.setTime(1_700_000_000L);
        if (cpioFormat == CpioConstants.FORMAT_NEW_CRC) {
          long sum = 0;
          for (byte b : content) {
            sum += b & 0xFF;
          }
          entry.setChksum(sum & 0xFFFFFFFFL);
        }
        cpio.putArchiveEntry(entry);
        cpio.write(content);
        cpio.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}

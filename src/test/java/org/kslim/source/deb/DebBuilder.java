package org.kslim.source.deb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.kslim.source.Compression;
import org.kslim.source.CompressionTest;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes small .deb files for tests: an ar archive of debian-binary, control.tar and data.tar,
 * each compression chosen by the test, members overridable to build broken packages.
 *
 * <pre>{@code
 * Path deb = new DebBuilder().file("./lib/modules/6.1.0/kernel/a.ko", "ko").write(dir.resolve("a.deb"));
 * }</pre>
 */
public final class DebBuilder {
  public static final String CONTROL = "Package: linux-image-6.1.0-56-amd64\nVersion: 1:6.1.192-2\nArchitecture: amd64\n"
      + "Maintainer: Debian Kernel Team <debian-kernel@lists.debian.org>\nDescription: Linux 6.1\n more text\n .\n end\n";

  private final List<TarArchiveEntry> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();
  private final Map<String, byte[]> scripts = new LinkedHashMap<>();
  private final Map<String, byte[]> members = new LinkedHashMap<>();
  private final List<String> removed = new ArrayList<>();
  private String control = CONTROL;
  private Compression controlCompression = Compression.XZ;
  private Compression dataCompression = Compression.XZ;
  private int xzBlockSize;

  public DebBuilder() {
    directory("./");
  }

  public DebBuilder control(String text) {
    control = text;
    return this;
  }

  public DebBuilder script(String name, String text) {
    scripts.put(name, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public DebBuilder controlCompression(Compression compression) {
    controlCompression = compression;
    return this;
  }

  public DebBuilder dataCompression(Compression compression) {
    dataCompression = compression;
    return this;
  }

  /** Writes data.tar.xz in blocks of {@code bytes} uncompressed bytes each. */
  public DebBuilder xzBlocks(int bytes) {
    dataCompression = Compression.XZ;
    xzBlockSize = bytes;
    return this;
  }

  public DebBuilder directory(String path) {
    return entry(path, TarConstants.LF_DIR, 0755, null, new byte[0]);
  }

  public DebBuilder file(String path, String content) {
    return file(path, content.getBytes(StandardCharsets.UTF_8));
  }

  public DebBuilder file(String path, byte[] content) {
    return entry(path, TarConstants.LF_NORMAL, 0644, null, content);
  }

  public DebBuilder symlink(String path, String target) {
    return entry(path, TarConstants.LF_SYMLINK, 0777, target, new byte[0]);
  }

  public DebBuilder hardlink(String path, String target) {
    return entry(path, TarConstants.LF_LINK, 0644, target, new byte[0]);
  }

  public DebBuilder device(String path) {
    return entry(path, TarConstants.LF_CHR, 0600, null, new byte[0]);
  }

  /** Replaces (or adds) ar member {@code name} with {@code content}, written as is. */
  public DebBuilder member(String name, byte[] content) {
    members.put(name, content);
    return this;
  }

  /** Leaves ar member {@code name} out. */
  public DebBuilder without(String name) {
    removed.add(name);
    return this;
  }

  public byte[] build() throws IOException {
    Map<String, byte[]> all = new LinkedHashMap<>();
    all.put("debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
    all.put("control.tar" + controlCompression.suffix(), CompressionTest.compress(controlCompression, controlTar()));
    byte[] data = dataTar();
    byte[] packed = xzBlockSize > 0 ? xzInBlocks(data, xzBlockSize) : CompressionTest.compress(dataCompression, data);
    all.put("data.tar" + dataCompression.suffix(), packed);
    all.putAll(members);
    all.keySet().removeAll(removed);
    return ar(all);
  }

  public Path write(Path file) throws IOException {
    Files.write(file, build());
    return file;
  }

  private DebBuilder entry(String path, byte type, int mode, String link, byte[] content) {
    TarArchiveEntry entry = new TarArchiveEntry(path, type, true);
    entry.setMode(mode);
    entry.setUserName("root");
    entry.setGroupName("root");
    entry.setModTime(1_700_000_000_000L);
    entry.setSize(content.length);
    if (link != null) {
      entry.setLinkName(link);
    }
    entries.add(entry);
    contents.add(content);
    return this;
  }

  private byte[] controlTar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      put(tar, "./control", control.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> script : scripts.entrySet()) {
        put(tar, "./" + script.getKey(), script.getValue());
      }
    }
    return bytes.toByteArray();
  }

  private byte[] dataTar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      for (int i = 0; i < entries.size(); i++) {
        tar.putArchiveEntry(entries.get(i));
        tar.write(contents.get(i));
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  /** {@code data} as one .xz stream (xz-java, preset 1) of independent blocks of {@code blockSize} bytes. */
  public static byte[] xzInBlocks(byte[] data, int blockSize) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XZOutputStream xz = new XZOutputStream(bytes, new LZMA2Options(1))) {
      for (int offset = 0; offset < data.length; offset += blockSize) {
        xz.write(data, offset, Math.min(blockSize, data.length - offset));
        xz.endBlock();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] ar(Map<String, byte[]> members) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArArchiveOutputStream ar = new ArArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> member : members.entrySet()) {
        ar.putArchiveEntry(new ArArchiveEntry(member.getKey(), member.getValue().length, 0, 0, 0100644, 1_700_000_000L));
        ar.write(member.getValue());
        ar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}

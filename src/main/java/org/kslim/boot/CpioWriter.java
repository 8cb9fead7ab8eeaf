package org.kslim.boot;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a newc ({@code 070701}) cpio archive, the format the kernel unpacks as an initramfs.
 * Parent directories are written before the first entry beneath them, as the kernel creates
 * none itself. Closing writes the trailer and closes the stream.
 *
 * <pre>{@code
 * try (CpioWriter cpio = new CpioWriter(Files.newOutputStream(out))) {
 *   cpio.file("init", 0755, script);
 *   cpio.symlink("bin/sh", "busybox");
 * }
 * }</pre>
 */
public final class CpioWriter implements Closeable {
  private static final int DIRECTORY = 0040000;
  private static final int REGULAR = 0100000;
  private static final int SYMLINK = 0120000;
  private static final long MAX_SIZE = 0xFFFF_FFFFL;

  private final OutputStream out;
  private final Set<String> directories = new HashSet<>();
  private long written;
  private int inode = 1;

  public CpioWriter(OutputStream out) {
    this.out = out;
  }

  public void directory(String path) throws IOException {
    parents(path);
    if (directories.add(path)) {
      header(path, DIRECTORY | 0755, 2, 0);
    }
  }

  public void file(String path, int mode, byte[] content) throws IOException {
    file(path, mode, content.length, new ByteArrayInputStream(content));
  }

  /** A regular file of {@code size} bytes read from {@code content}, which must hold exactly that many. */
  public void file(String path, int mode, long size, InputStream content) throws IOException {
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException("a newc cpio file holds 0..4 GiB - 1: " + size + " for " + path);
    }
    parents(path);
    header(path, REGULAR | (mode & 07777), 1, size);
    byte[] buffer = new byte[65536];
    long left = size;
    while (left > 0) {
      int read = content.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException(path + ": expected " + size + " bytes, read " + (size - left));
      }
      out.write(buffer, 0, read);
      left -= read;
    }
    written += size;
    pad();
  }

  public void symlink(String path, String target) throws IOException {
    parents(path);
    byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
    header(path, SYMLINK | 0777, 1, bytes.length);
    out.write(bytes);
    written += bytes.length;
    pad();
  }

  private void parents(String path) throws IOException {
    if (path.isEmpty() || path.startsWith("/") || path.contains("//") || path.equals("..") || path.startsWith("../")
        || path.contains("/../")) {
      throw new IllegalArgumentException("a cpio path is relative and normal: " + path);
    }
    int slash = path.lastIndexOf('/');
    if (slash > 0) {
      directory(path.substring(0, slash));
    }
  }

  private void header(String name, int mode, int links, long size) throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    StringBuilder header = new StringBuilder("070701");
    long[] fields = {inode++, mode, 0, 0, links, 0, size, 0, 0, 0, 0, nameBytes.length + 1, 0};
    for (long field : fields) {
      header.append(String.format(Locale.ROOT, "%08X", field));
    }
    out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(nameBytes);
    out.write(0);
    written += header.length() + nameBytes.length + 1;
    pad();
  }

  private void pad() throws IOException {
    while (written % 4 != 0) {
      out.write(0);
      written++;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      header("TRAILER!!!", 0, 1, 0);
    } finally {
      out.close();
    }
  }
}

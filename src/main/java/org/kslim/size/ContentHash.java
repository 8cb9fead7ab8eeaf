package org.kslim.size;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.kslim.BadInputException;

/**
 * SHA-256 in hex: of file contents, of a whole file on disk, and of the text that keys a cache entry.
 *
 * <pre>{@code
 * String key = ContentHash.ofFile(Path.of("linux-image.deb"));   // 64 hex digits
 * }</pre>
 */
public final class ContentHash {
  private ContentHash() {}

  static String of(byte[] bytes) {
    return of(bytes, bytes.length);
  }

  /** Of the first {@code length} bytes of {@code bytes}. */
  static String of(byte[] bytes, int length) {
    MessageDigest digest = digest();
    digest.update(bytes, 0, length);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of the file's bytes, read in large chunks; fails naming the file. */
  public static String ofFile(Path file) {
    MessageDigest digest = digest();
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

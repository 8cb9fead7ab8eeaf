package org.kslim.size;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: of file contents, and of the text that keys a cache entry. */
final class ContentHash {
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

  static String of(String text) {
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

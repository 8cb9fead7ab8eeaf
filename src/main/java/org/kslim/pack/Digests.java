package org.kslim.pack;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digests packages carry: SHA-256, SHA-1 and MD5, as lower-case hex or raw bytes. */
final class Digests {
  private Digests() {}

  static String sha256Hex(byte[] bytes) {
    return hex("SHA-256", bytes);
  }

  static String md5Hex(byte[] bytes) {
    return hex("MD5", bytes);
  }

  static String hex(String algorithm, byte[] bytes) {
    return HexFormat.of().formatHex(digest(algorithm).digest(bytes));
  }

  /** MD5 of the parts in sequence. */
  static byte[] md5(byte[]... parts) {
    MessageDigest md5 = digest("MD5");
    for (byte[] part : parts) {
      md5.update(part);
    }
    return md5.digest();
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java runtime lacks " + algorithm, e);
    }
  }
}

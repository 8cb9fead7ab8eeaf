package org.kslim.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.kslim.BadInputException;

/**
 * The SHA-256 that identifies an input package: of a file, its bytes; of a folder, every path
 * (sorted), symlink target and file content under it.
 *
 * <pre>{@code
 * String sha = InputHash.of(Path.of("linux-image.deb"));   // as sha256sum prints it
 * }</pre>
 */
public final class InputHash {
  private InputHash() {}

  public static String of(Path input) {
    MessageDigest digest = sha256();
    try {
      if (Files.isDirectory(input)) {
        tree(input, digest);
      } else {
        content(input, digest);
      }
    } catch (IOException e) {
      throw new BadInputException(input + ": cannot read: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Hex SHA-256 of {@code text} in UTF-8. */
  public static String ofText(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static void tree(Path root, MessageDigest digest) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted().toList();
    }
    for (Path path : paths) {
      digest.update((root.relativize(path) + "\0").getBytes(StandardCharsets.UTF_8));
      if (Files.isSymbolicLink(path)) {
        digest.update(("-> " + Files.readSymbolicLink(path) + "\0").getBytes(StandardCharsets.UTF_8));
      } else if (Files.isRegularFile(path)) {
        content(path, digest);
      }
    }
  }

  private static void content(Path file, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}

package org.kslim.kmod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kslim.BadInputException;
import org.kslim.source.PackageReader;

/**
 * Reads the kernel's exports from whatever file a user names with {@code --symvers}: a
 * {@code Module.symvers}, a {@code System.map}, or a linux-headers {@code .deb}/{@code .rpm}
 * holding a {@code Module.symvers}; recognised by content, not by name.
 *
 * <pre>{@code
 * KernelExports exports = KernelExportsFile.read(Path.of("linux-headers-6.1.0-56-amd64.deb"));
 * }</pre>
 */
public final class KernelExportsFile {
  private static final byte[] AR_MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RPM_MAGIC = {(byte) 0xED, (byte) 0xAB, (byte) 0xEE, (byte) 0xDB};

  private KernelExportsFile() {}

  public static KernelExports read(Path file) {
    byte[] head = head(file);
    if (startsWith(head, AR_MAGIC) || startsWith(head, RPM_MAGIC)) {
      try {
        return KernelExports.fromHeadersPackage(PackageReader.open(file));
      } catch (IOException e) {
        throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
      }
    }
    return isSystemMap(file) ? KernelExports.fromSystemMap(file) : KernelExports.fromSymvers(file);
  }

  /** A System.map line is {@code ADDRESS TYPE NAME} with a one-letter type. */
  private static boolean isSystemMap(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length >= 3) {
          return fields.length == 3 && fields[1].length() == 1;
        }
      }
      return false;
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(AR_MAGIC.length);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}

package org.kslim.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.kslim.BadInputException;
import org.kslim.source.deb.DebPackage;
import org.kslim.source.rpm.RpmPackage;
import org.kslim.source.tree.TreePackage;

/**
 * Opens a kernel package of any kind, recognised by its magic bytes (never its name): a Debian
 * package (ar magic {@code !<arch>\n}), an rpm (lead magic {@code ED AB EE DB}) or a directory
 * holding a module tree.
 *
 * <pre>{@code
 * KernelPackage pkg = PackageReader.open(Path.of("linux-image-6.1.0-56-amd64-unsigned_6.1.192-2_amd64.deb"));
 * System.out.println(pkg.info().name() + " " + pkg.info().version());
 * pkg.forEachEntry((entry, content) -> System.out.println(entry.path() + " " + entry.size()));
 * }</pre>
 */
public final class PackageReader {
  private static final byte[] DEB_MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RPM_MAGIC = {(byte) 0xED, (byte) 0xAB, (byte) 0xEE, (byte) 0xDB};

  private PackageReader() {}

  /** Opens {@code path} with {@link SourceLimits#configured()}: the defaults, changed by system properties. */
  public static KernelPackage open(Path path) {
    return open(path, SourceLimits.configured());
  }

  /**
   * Opens {@code path}, reading only what {@link KernelPackage#info()} needs; entries are read
   * when {@link KernelPackage#forEachEntry} is called.
   *
   * @throws BadInputException when the file is missing, unreadable, of another kind, or its
   *     metadata is corrupt
   */
  public static KernelPackage open(Path path, SourceLimits limits) {
    if (Files.isDirectory(path)) {
      return TreePackage.detect(path, limits).orElseThrow(() -> notAPackage(path));
    }
    if (!Files.exists(path)) {
      throw new BadInputException(path + ": no such file or folder");
    }
    byte[] magic = readMagic(path);
    if (startsWith(magic, DEB_MAGIC)) {
      return DebPackage.open(path, limits);
    }
    if (startsWith(magic, RPM_MAGIC)) {
      return RpmPackage.open(path, limits);
    }
    throw notAPackage(path);
  }

  private static byte[] readMagic(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(DEB_MAGIC.length);
    } catch (IOException e) {
      throw new BadInputException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }

  private static BadInputException notAPackage(Path path) {
    return new BadInputException(path + ": not a .deb, .rpm or kernel module tree");
  }
}

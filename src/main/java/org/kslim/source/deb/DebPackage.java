package org.kslim.source.deb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;
import org.kslim.source.EntryVisitor;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFile;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;
import org.kslim.source.RegionDecompressor;
import org.kslim.source.SourceLimits;

/**
 * A Debian binary package. Opening it reads the ar member table, {@code debian-binary} and the
 * control archive (which precede the data); {@link #forEachEntry} streams {@code data.tar} from
 * the file each time, decompressed in memory (a multi-block .xz on every core), never extracted.
 *
 * <pre>{@code
 * DebPackage deb = DebPackage.open(Path.of("linux-image-6.1.0-56-amd64-unsigned_6.1.192-2_amd64.deb"),
 *     SourceLimits.DEFAULTS);
 * deb.info().fields().get("Version");       // "6.1.192-2"
 * deb.info().scripts().get("postinst");     // the postinst script
 * deb.forEachEntry((entry, content) -> System.out.println(entry.path()));  // "boot", "boot/vmlinuz-...", ...
 * }</pre>
 */
public final class DebPackage implements KernelPackage {
  private static final String DEBIAN_BINARY = "2.0\n";

  private final Path path;
  private final SourceLimits limits;
  private final PackageInfo info;
  private final ArMember data;

  private DebPackage(Path path, SourceLimits limits, PackageInfo info, ArMember data) {
    this.path = path;
    this.limits = limits;
    this.info = info;
    this.data = data;
  }

  /**
   * Reads the package's structure and control archive.
   *
   * @throws BadInputException (a {@link MalformedInputException} for a broken ar archive) naming
   *     the file when it is not a well-formed .deb or its control file lacks Package, Version or
   *     Architecture
   */
  public static DebPackage open(Path path, SourceLimits limits) {
    return PackageFile.read(path, channel -> {
      DebMembers members = DebMembers.of(ArArchive.read(channel, channel.size()));
      String version = new String(ArArchive.content(channel, members.version(), DEBIAN_BINARY.length()), StandardCharsets.ISO_8859_1);
      ArArchive.check(version.equals(DEBIAN_BINARY), members.version().offset(), "debian-binary is not \"2.0\\n\"");
      String where = path + "!" + members.control().name();
      ArMember control = members.control();
      try (InputStream tar = RegionDecompressor.open(channel, control.offset(), control.size(), limits.maxControlSize(), where)) {
        return new DebPackage(path, limits, DebControl.read(tar, where), members.data());
      }
    });
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public PackageFormat format() {
    return PackageFormat.DEB;
  }

  /**
   * {@code Package}, the {@code Version} split into upstream version and Debian revision, and
   * {@code Architecture}; every control field in {@link PackageInfo#fields()} and the maintainer
   * scripts ({@code preinst}, {@code postinst}, {@code prerm}, {@code postrm}, {@code config})
   * by name in {@link PackageInfo#scripts()}. License is empty.
   */
  @Override
  public PackageInfo info() {
    return info;
  }

  /** Bytes of the (compressed) {@code data.tar} member, as stored in the file. */
  public long payloadSize() {
    return data.size();
  }

  /**
   * Streams {@code data.tar} in archive order. Paths lose their leading {@code ./}; the root
   * entry {@code ./} is skipped; hard links come out as {@code HARDLINK} entries.
   */
  @Override
  public void forEachEntry(EntryVisitor visitor) throws IOException {
    String source = path.toString();
    try (FileChannel channel = PackageFile.open(path);
        InputStream tar = RegionDecompressor.open(channel, data.offset(), data.size(), limits.maxPayloadSize(), source + "!" + data.name())) {
      TarEntries.stream(tar, source, limits, visitor);
    }
  }
}

package org.kslim.source.rpm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;
import org.kslim.source.ChannelBytes;
import org.kslim.source.EntryVisitor;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFile;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;
import org.kslim.source.RegionDecompressor;
import org.kslim.source.SourceLimits;

/**
 * An rpm package: the lead, the signature header (padded to 8 bytes), the main header, then the
 * compressed cpio payload. Opening it reads and checks the lead and both headers; the parsed
 * headers stay available (for writing rpms derived from this one). {@link #forEachEntry}
 * decompresses the payload by its magic bytes (gzip, xz, zstd, bzip2, lzma or none) and streams
 * the cpio entries, described by the header's file records.
 *
 * <pre>{@code
 * RpmPackage rpm = RpmPackage.open(Path.of("kernel-modules-6.12.0-1.x86_64.rpm"), SourceLimits.DEFAULTS);
 * rpm.info().scripts().get("%post");
 * rpm.header().strings(RpmTag.BASENAMES.number());
 * rpm.forEachEntry((entry, content) -> System.out.println(entry.path()));  // "usr/lib/modules/..."
 * }</pre>
 */
public final class RpmPackage implements KernelPackage {
  private static final int ALIGNMENT = 8;

  private final Path path;
  private final SourceLimits limits;
  private final RpmLead lead;
  private final RpmHeader signature;
  private final RpmHeader header;
  private final RpmFiles files;
  private final PackageInfo info;
  private final long payloadOffset;
  private final long payloadLength;

  private RpmPackage(Path path, SourceLimits limits, RpmLead lead, RpmHeader signature, RpmHeader header, long fileSize) {
    this.path = path;
    this.limits = limits;
    this.lead = lead;
    this.signature = signature;
    this.header = header;
    this.files = RpmFiles.of(header, limits);
    this.info = RpmInfo.of(header);
    this.payloadOffset = header.fileOffset() + header.size();
    this.payloadLength = fileSize - payloadOffset;
  }

  /**
   * Reads the lead and both headers of {@code path}.
   *
   * @throws BadInputException (a {@link MalformedInputException} for a broken lead or header)
   *     naming the file
   */
  public static RpmPackage open(Path path, SourceLimits limits) {
    return PackageFile.read(path, channel -> {
      long size = channel.size();
      RpmLead lead = RpmLead.parse(ChannelBytes.read(channel, 0, (int) Math.min(size, RpmLead.SIZE)));
      RpmHeader signature = RpmHeader.read(channel, RpmLead.SIZE, size, limits.maxHeaderSize());
      long end = RpmLead.SIZE + signature.size();
      long headerOffset = end + (ALIGNMENT - end % ALIGNMENT) % ALIGNMENT;
      RpmHeader header = RpmHeader.read(channel, headerOffset, size, limits.maxHeaderSize());
      String payloadFormat = header.string(RpmTag.PAYLOADFORMAT.number()).orElse("cpio");
      if (!payloadFormat.equals("cpio")) {
        throw new BadInputException(path + ": payload format " + payloadFormat + " is not supported (cpio expected)");
      }
      return new RpmPackage(path, limits, lead, signature, header, size);
    });
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public PackageFormat format() {
    return PackageFormat.RPM;
  }

  /**
   * NAME, VERSION, RELEASE, ARCH and LICENSE; the field tags of {@link RpmTag} by name in
   * {@link PackageInfo#fields()}; the scripts by section ({@code %pre}, {@code %post},
   * {@code %preun}, {@code %postun}, {@code %pretrans}, {@code %posttrans}) in
   * {@link PackageInfo#scripts()}, their interpreters in the fields {@code PREINPROG}...
   */
  @Override
  public PackageInfo info() {
    return info;
  }

  public RpmLead lead() {
    return lead;
  }

  public RpmHeader signature() {
    return signature;
  }

  /** The main header, as read. */
  public RpmHeader header() {
    return header;
  }

  /**
   * Streams the payload in archive order. Paths lose their leading {@code ./} (a merged-/usr
   * package keeps {@code usr/lib/modules/...}); hard links come out as one FILE, then
   * {@code HARDLINK} entries naming it.
   */
  @Override
  public void forEachEntry(EntryVisitor visitor) throws IOException {
    String source = path.toString();
    try (FileChannel channel = PackageFile.open(path);
        InputStream cpio = RegionDecompressor.open(channel, payloadOffset, payloadLength, limits.maxPayloadSize(), source + "!payload")) {
      CpioEntries.stream(cpio, source, files, limits, visitor);
    }
  }
}

package org.kslim.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kslim.BadInputException;
import org.kslim.size.Compressor;
import org.kslim.size.FileContent;
import org.kslim.size.PayloadCompression;
import org.kslim.size.PayloadFormat;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;
import org.kslim.source.rpm.RpmHeaderWriter;
import org.kslim.source.rpm.RpmLead;
import org.kslim.source.rpm.RpmTag;

/**
 * Writes an rpm v4 package as rpmbuild 4.18 lays it out: the 96-byte lead, the signature header
 * (SHA-1 and SHA-256 of the main header, MD5 and size of header and payload, payload size),
 * padded to 8 bytes, the main header (package tags, file list, dependencies with the
 * {@code rpmlib(...)} features used, scriptlets, payload digests) with its immutable region, and
 * the compressed cpio payload written by {@link PayloadFormat#RPM}.
 */
final class RpmWriter {
  private static final int SHA256 = 8;
  private static final int RPMLIB = 1 << 24;
  private static final int S_IFDIR = 040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;
  private static final Map<String, RpmTag[]> SCRIPTS = Map.of(
      "%pretrans", new RpmTag[] {RpmTag.PRETRANS, RpmTag.PRETRANSPROG},
      "%pre", new RpmTag[] {RpmTag.PREIN, RpmTag.PREINPROG},
      "%post", new RpmTag[] {RpmTag.POSTIN, RpmTag.POSTINPROG},
      "%preun", new RpmTag[] {RpmTag.PREUN, RpmTag.PREUNPROG},
      "%postun", new RpmTag[] {RpmTag.POSTUN, RpmTag.POSTUNPROG},
      "%posttrans", new RpmTag[] {RpmTag.POSTTRANS, RpmTag.POSTTRANSPROG});

  private RpmWriter() {}

  static void write(PackageSpec spec, Compressor compressor, PayloadCompression compression, OutputStream out)
      throws IOException {
    List<FileContent> files = files(spec);
    ByteArrayOutputStream cpio = new ByteArrayOutputStream();
    PayloadFormat.RPM.write(files, cpio);
    byte[] raw = cpio.toByteArray();
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (OutputStream zipped = compressor.open(packed)) {
      zipped.write(raw);
    }
    byte[] payload = packed.toByteArray();
    byte[] header = header(spec, files, compression, Digests.sha256Hex(payload), Digests.sha256Hex(raw));
    byte[] signature = new RpmHeaderWriter()
        .string(RpmTag.SIG_SHA1.number(), Digests.hex("SHA-1", header))
        .string(RpmTag.SIG_SHA256.number(), Digests.sha256Hex(header))
        .int32(RpmTag.SIG_SIZE.number(), List.of(uint32((long) header.length + payload.length, "header and payload")))
        .bin(RpmTag.SIG_MD5.number(), Digests.md5(header, payload))
        .int32(RpmTag.SIG_PAYLOADSIZE.number(), List.of(uint32(raw.length, "payload")))
        .build(RpmHeaderWriter.HEADERSIGNATURES);
    out.write(lead(spec));
    out.write(signature);
    out.write(new byte[(8 - signature.length % 8) % 8]);
    out.write(header);
    out.write(payload);
  }

  /** The package's entries in rpm's order (paths compared bytewise), the root folder left out. */
  private static List<FileContent> files(PackageSpec spec) {
    List<FileContent> files = new ArrayList<>();
    for (FileContent file : spec.files()) {
      Entry e = file.entry();
      if (e.type() == EntryType.HARDLINK || e.type() == EntryType.OTHER) {
        throw new BadInputException(e.path() + ": " + e.type() + " entries are not written to rpm packages");
      }
      if (!e.path().isEmpty()) {
        files.add(file);
      }
    }
    files.sort(Comparator.comparing(f -> f.entry().path().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
    return files;
  }

  private static byte[] lead(PackageSpec spec) {
    ByteBuffer lead = ByteBuffer.allocate(RpmLead.SIZE);
    lead.putInt(0xEDABEEDB).put((byte) 3).put((byte) 0).putShort((short) 0)
        .putShort((short) Architectures.leadNumber(spec.architecture()));
    byte[] name = (spec.name() + "-" + spec.versionRelease()).getBytes(StandardCharsets.UTF_8);
    lead.put(name, 0, Math.min(name.length, 65));
    lead.position(76);
    lead.putShort((short) 1).putShort((short) 5);
    return lead.array();
  }

  private static byte[] header(PackageSpec spec, List<FileContent> files, PayloadCompression compression,
      String payloadDigest, String rawDigest) {
    RpmHeaderWriter h = new RpmHeaderWriter()
        .strings(RpmTag.HEADERI18NTABLE.number(), List.of("C"))
        .string(RpmTag.NAME.number(), spec.name())
        .string(RpmTag.VERSION.number(), spec.version())
        .string(RpmTag.RELEASE.number(), spec.release())
        .i18nString(RpmTag.SUMMARY.number(), spec.summary())
        .i18nString(RpmTag.DESCRIPTION.number(), spec.description().strip())
        .int32(RpmTag.BUILDTIME.number(), List.of(uint32(spec.buildTime(), "build time")))
        .int32(RpmTag.SIZE.number(), List.of(uint32(files.stream().mapToLong(f -> installed(f.entry())).sum(), "installed size")))
        .string(RpmTag.OS.number(), "linux")
        .string(RpmTag.ARCH.number(), spec.architecture())
        .string(RpmTag.SOURCERPM.number(), spec.sourceName() + "-" + spec.versionRelease() + ".src.rpm")
        .string(RpmTag.PAYLOADFORMAT.number(), "cpio")
        .string(RpmTag.PAYLOADCOMPRESSOR.number(), compressorName(compression))
        .string(RpmTag.PAYLOADFLAGS.number(), Integer.toString(compression.level()))
        .string(RpmTag.ENCODING.number(), "utf-8")
        .strings(RpmTag.PAYLOADDIGEST.number(), List.of(payloadDigest))
        .int32(RpmTag.PAYLOADDIGESTALGO.number(), List.of((long) SHA256))
        .strings(RpmTag.PAYLOADDIGESTALT.number(), List.of(rawDigest));
    if (!spec.epoch().isEmpty()) {
      h.int32(RpmTag.EPOCH.number(), List.of(uint32(Long.parseLong(spec.epoch()), "epoch")));
    }
    if (!spec.license().isEmpty()) {
      h.string(RpmTag.LICENSE.number(), spec.license());
    }
    spec.scripts().forEach((name, body) -> {
      RpmTag[] tags = SCRIPTS.get(name);
      h.string(tags[0].number(), body).string(tags[1].number(), "/bin/sh");
    });
    dependencies(h, RpmTag.PROVIDENAME, RpmTag.PROVIDEFLAGS, RpmTag.PROVIDEVERSION,
        List.of(new Relation(spec.name(), Relation.Operator.EQUAL, spec.fullVersion())));
    dependencies(h, RpmTag.REQUIRENAME, RpmTag.REQUIREFLAGS, RpmTag.REQUIREVERSION, requires(spec, compression, !files.isEmpty()));
    if (!spec.conflicts().isEmpty()) {
      dependencies(h, RpmTag.OBSOLETENAME, RpmTag.OBSOLETEFLAGS, RpmTag.OBSOLETEVERSION, spec.conflicts());
    }
    if (!files.isEmpty()) {
      fileList(h, files);
    }
    return h.build(RpmHeaderWriter.HEADERIMMUTABLE);
  }

  /** The spec's requirements, then the rpmlib features the package uses. */
  private static List<Relation> requires(PackageSpec spec, PayloadCompression compression, boolean hasFiles) {
    Map<String, String> features = new LinkedHashMap<>();
    features.put("rpmlib(CompressedFileNames)", "3.0.4-1");
    if (hasFiles) {
      features.put("rpmlib(FileDigests)", "4.6.0-1");
    }
    features.put("rpmlib(PayloadFilesHavePrefix)", "4.0-1");
    switch (compression.compression()) {
      case ZSTD -> features.put("rpmlib(PayloadIsZstd)", "5.4.18-1");
      case XZ -> features.put("rpmlib(PayloadIsXz)", "5.2-1");
      default -> { }
    }
    List<Relation> all = new ArrayList<>(spec.requires());
    features.forEach((name, version) -> all.add(new Relation(name, Relation.Operator.LESS_EQUAL, version)));
    return all;
  }

  private static void dependencies(RpmHeaderWriter h, RpmTag names, RpmTag flags, RpmTag versions, List<Relation> relations) {
    h.strings(names.number(), relations.stream().map(Relation::name).toList())
        .int32(flags.number(), relations.stream()
            .map(r -> (long) (r.operator().rpmFlags() | (r.name().startsWith("rpmlib(") ? RPMLIB : 0))).toList())
        .strings(versions.number(), relations.stream().map(Relation::version).toList());
  }

  private static void fileList(RpmHeaderWriter h, List<FileContent> files) {
    Map<String, Integer> dirs = new LinkedHashMap<>();
    List<Long> dirIndexes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    List<Integer> modes = new ArrayList<>();
    List<Long> mtimes = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    List<String> links = new ArrayList<>();
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<Long> inodes = new ArrayList<>();
    for (FileContent file : files) {
      Entry e = file.entry();
      String path = "/" + e.path();
      int slash = path.lastIndexOf('/');
      String dir = path.substring(0, slash + 1);
      dirIndexes.add((long) dirs.computeIfAbsent(dir, d -> dirs.size()));
      names.add(path.substring(slash + 1));
      sizes.add(uint32(installed(e), path));
      modes.add(fileType(e.type()) | (e.mode() & 07777));
      mtimes.add(uint32(e.mtime(), path + " mtime"));
      digests.add(e.isFile() ? Digests.sha256Hex(file.bytes()) : "");
      links.add(e.type() == EntryType.SYMLINK ? e.linkTarget() : "");
      users.add(e.user().isEmpty() ? "root" : e.user());
      groups.add(e.group().isEmpty() ? "root" : e.group());
      inodes.add((long) inodes.size() + 1);
    }
    List<Long> zeros = files.stream().map(f -> 0L).toList();
    h.int32(RpmTag.FILESIZES.number(), sizes)
        .int16(RpmTag.FILEMODES.number(), modes)
        .int16(RpmTag.FILERDEVS.number(), files.stream().map(f -> 0).toList())
        .int32(RpmTag.FILEMTIMES.number(), mtimes)
        .strings(RpmTag.FILEDIGESTS.number(), digests)
        .strings(RpmTag.FILELINKTOS.number(), links)
        .int32(RpmTag.FILEFLAGS.number(), zeros)
        .strings(RpmTag.FILEUSERNAME.number(), users)
        .strings(RpmTag.FILEGROUPNAME.number(), groups)
        .int32(RpmTag.FILEVERIFYFLAGS.number(), files.stream().map(f -> 0xFFFFFFFFL).toList())
        .int32(RpmTag.FILEDEVICES.number(), files.stream().map(f -> 1L).toList())
        .int32(RpmTag.FILEINODES.number(), inodes)
        .strings(RpmTag.FILELANGS.number(), files.stream().map(f -> "").toList())
        .int32(RpmTag.DIRINDEXES.number(), dirIndexes)
        .strings(RpmTag.BASENAMES.number(), names)
        .strings(RpmTag.DIRNAMES.number(), List.copyOf(dirs.keySet()))
        .int32(RpmTag.FILEDIGESTALGO.number(), List.of((long) SHA256));
  }

  /** Bytes as rpm's FILESIZES and SIZE count them: a file's length, a symlink's target length. */
  private static long installed(Entry e) {
    return switch (e.type()) {
      case FILE -> e.size();
      case SYMLINK -> e.linkTarget().getBytes(StandardCharsets.UTF_8).length;
      default -> 0;
    };
  }

  private static int fileType(EntryType type) {
    return switch (type) {
      case DIRECTORY -> S_IFDIR;
      case SYMLINK -> S_IFLNK;
      default -> S_IFREG;
    };
  }

  private static String compressorName(PayloadCompression compression) {
    return switch (compression.compression()) {
      case ZSTD -> "zstd";
      case XZ -> "xz";
      case GZIP -> "gzip";
      default -> throw new IllegalArgumentException("rpm payload compression must be zstd, xz or gzip: "
          + compression.compression());
    };
  }

  private static long uint32(long value, String what) {
    if (value < 0 || value > 0xFFFFFFFFL) {
      throw new BadInputException(what + " must fit 32 bits in an rpm header: " + value);
    }
    return value;
  }
}

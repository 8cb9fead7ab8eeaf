package org.kslim.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.kslim.size.Compressor;
import org.kslim.size.CompressorKind;
import org.kslim.size.FileContent;
import org.kslim.size.PayloadCompression;
import org.kslim.size.PayloadFormat;
import org.kslim.source.Compression;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;

/**
 * Writes a Debian binary package as {@code dpkg-deb -b} lays it out: an ar archive of
 * {@code debian-binary}, {@code control.tar.xz} (control in dpkg's field order, md5sums, maintainer scripts) and
 * {@code data.tar} written by {@link PayloadFormat#DEB} with the policy's compressor. Every ar
 * member and control file carries the build time, root's ids and mode 0644 (scripts 0755).
 */
final class DebWriter {
  private static final PayloadCompression CONTROL = PayloadCompression.DEB_DEFAULT;

  private DebWriter() {}

  static void write(PackageSpec spec, Compressor compressor, PayloadCompression compression, OutputStream out)
      throws IOException {
    byte[] control = compress(PayloadFormat.DEB, controlFiles(spec), CompressorKind.BUILT_IN.create(CONTROL, 1));
    byte[] data = compress(PayloadFormat.DEB, spec.files(), compressor);
    ArArchiveOutputStream ar = new ArArchiveOutputStream(out);
    member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII), spec.buildTime());
    member(ar, "control.tar.xz", control, spec.buildTime());
    member(ar, "data.tar" + suffix(compression.compression()), data, spec.buildTime());
    ar.finish();
  }

  private static void member(ArArchiveOutputStream ar, String name, byte[] bytes, long mtime) throws IOException {
    ar.putArchiveEntry(new ArArchiveEntry(name, bytes.length, 0, 0, 0100644, mtime));
    ar.write(bytes);
    ar.closeArchiveEntry();
  }

  private static byte[] compress(PayloadFormat format, List<FileContent> files, Compressor compressor) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream zipped = compressor.open(bytes)) {
      format.write(files, zipped);
    }
    return bytes.toByteArray();
  }

  /** control, md5sums (when the package has regular files) and the maintainer scripts. */
  private static List<FileContent> controlFiles(PackageSpec spec) {
    List<FileContent> files = new ArrayList<>();
    files.add(controlFile("control", control(spec), 0644, spec.buildTime()));
    String md5sums = md5sums(spec.files());
    if (!md5sums.isEmpty()) {
      files.add(controlFile("md5sums", md5sums, 0644, spec.buildTime()));
    }
    spec.scripts().forEach((name, body) -> files.add(controlFile(name, body, 0755, spec.buildTime())));
    return files;
  }

  private static FileContent controlFile(String name, String text, int mode, long mtime) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new FileContent(new Entry(name, EntryType.FILE, mode, "root", "root", mtime, bytes.length, null), bytes);
  }

  /** The control file: dpkg's field order, relations comma-separated, the description folded. */
  static String control(PackageSpec spec) {
    StringBuilder text = new StringBuilder();
    field(text, "Package", spec.name());
    field(text, "Source", spec.sourceName().equals(spec.name()) ? "" : spec.sourceName());
    field(text, "Version", spec.fullVersion());
    field(text, "Architecture", spec.architecture());
    field(text, "Maintainer", spec.fields().getOrDefault("Maintainer", ""));
    field(text, "Installed-Size", Long.toString(spec.installedKib()));
    field(text, "Pre-Depends", spec.fields().getOrDefault("Pre-Depends", ""));
    field(text, "Depends", relations(spec.requires(), spec.fields().get("Depends")));
    for (String carried : List.of("Recommends", "Suggests", "Breaks")) {
      field(text, carried, spec.fields().getOrDefault(carried, ""));
    }
    field(text, "Conflicts", relations(spec.conflicts(), spec.fields().get("Conflicts")));
    field(text, "Replaces", relations(spec.replaces(), spec.fields().get("Replaces")));
    field(text, "Provides", spec.fields().getOrDefault("Provides", ""));
    field(text, "Section", spec.fields().getOrDefault("Section", ""));
    field(text, "Priority", spec.fields().getOrDefault("Priority", ""));
    field(text, "Homepage", spec.fields().getOrDefault("Homepage", ""));
    StringBuilder description = new StringBuilder(spec.summary());
    if (!spec.description().isBlank()) {
      for (String line : spec.description().strip().split("\n", -1)) {
        description.append("\n ").append(line.isBlank() ? "." : line);
      }
    }
    field(text, "Description", description.toString());
    return text.toString();
  }

  private static void field(StringBuilder text, String name, String value) {
    if (!value.isEmpty()) {
      text.append(name).append(": ").append(value).append('\n');
    }
  }

  /** kslim's relations, then the input's own ({@code null} when it has none). */
  private static String relations(List<Relation> relations, String input) {
    Stream<String> own = relations.stream().map(Relation::debian);
    return (input == null || input.isEmpty() ? own : Stream.concat(own, Stream.of(input))).collect(Collectors.joining(", "));
  }

  /** {@code md5  path} for every regular file, paths sorted bytewise, as dh_md5sums writes them. */
  private static String md5sums(List<FileContent> files) {
    return files.stream().filter(f -> f.entry().isFile())
        .sorted(Comparator.comparing(f -> f.entry().path().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned))
        .map(f -> Digests.md5Hex(f.bytes()) + "  " + f.entry().path() + "\n")
        .collect(Collectors.joining());
  }

  private static String suffix(Compression compression) {
    return switch (compression) {
      case XZ -> ".xz";
      case ZSTD -> ".zst";
      case GZIP -> ".gz";
      default -> throw new IllegalArgumentException("deb payload compression must be xz, zstd or gzip: " + compression);
    };
  }
}

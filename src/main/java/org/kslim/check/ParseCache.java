package org.kslim.check;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.kslim.AtomicFile;
import org.kslim.BadInputException;
import org.kslim.kmod.ModuleSetCodec;
import org.kslim.size.ContentHash;
import org.kslim.size.HashedEntry;

/**
 * Parsed packages kept on disk next to the size cache, keyed by the SHA-256 of the package
 * file's bytes, kslim's version, this format's version and the reading options. An entry holds
 * its key and is used only when the key matches; an unreadable or corrupt one is reported and
 * the package read again, never trusted. A module folder has no key: it is always read.
 */
final class ParseCache {
  /** Raise when the stored form of a {@link ParsedPackage} changes. */
  private static final String MAGIC = "kslim-parse-cache 1";

  private final Path directory;
  private final Consumer<String> warnings;

  ParseCache(Path directory, Consumer<String> warnings) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  /** The key of reading {@code input} as {@code request} asks; empty for a folder. */
  static Optional<String> key(Path input, CheckRequest request) {
    if (!Files.isRegularFile(input)) {
      return Optional.empty();
    }
    String version = Optional.ofNullable(ParseCache.class.getPackage().getImplementationVersion()).orElse("dev");
    return Optional.of(ContentHash.ofFile(input) + " kslim " + version + " kver " + request.kernelVersion()
        + " keep-going " + request.keepGoing());
  }

  /** The package stored under {@code key}, if an intact entry holds it. */
  Optional<ParsedPackage> get(String key) {
    Path file = entry(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      warnings.accept("ignoring unreadable parse cache entry " + file + ": " + e.getMessage());
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (!ModuleSetCodec.readString(in).equals(MAGIC) || !ModuleSetCodec.readString(in).equals(key)) {
        warnings.accept("ignoring parse cache entry " + file + " of another format or key (reading again)");
        return Optional.empty();
      }
      ParsedPackage parsed = read(in);
      if (in.available() != 0) {
        throw new IOException(in.available() + " bytes after the end");
      }
      return Optional.of(parsed);
    } catch (IOException | IllegalArgumentException e) {
      warnings.accept("ignoring corrupt parse cache entry " + file + " (reading again): " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Stores {@code parsed} under {@code key}; a failed write is reported and otherwise ignored. */
  void put(String key, ParsedPackage parsed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      ModuleSetCodec.writeString(MAGIC, out);
      ModuleSetCodec.writeString(key, out);
      ModuleSetCodec.write(parsed.modules(), out);
      out.writeInt(parsed.entries().size());
      for (HashedEntry entry : parsed.entries()) {
        ModuleSetCodec.writeEntry(entry.entry(), out);
        ModuleSetCodec.writeString(entry.sha256(), out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    try {
      AtomicFile.write(entry(key), bytes::writeTo);
    } catch (BadInputException e) {
      // a cache that cannot be written costs speed, never a figure: the run goes on
      warnings.accept("cannot write parse cache entry: " + e.getMessage());
    }
  }

  /** Where the entry for {@code key} lives. */
  Path entry(String key) {
    String name = ContentHash.of(key);
    return directory.resolve("parsed").resolve(name.substring(0, 2)).resolve(name);
  }

  private static ParsedPackage read(DataInputStream in) throws IOException {
    var modules = ModuleSetCodec.read(in);
    List<HashedEntry> entries = new ArrayList<>();
    for (int i = ModuleSetCodec.readCount(in); i > 0; i--) {
      entries.add(new HashedEntry(ModuleSetCodec.readEntry(in), ModuleSetCodec.readString(in)));
    }
    return new ParsedPackage(modules, entries);
  }
}

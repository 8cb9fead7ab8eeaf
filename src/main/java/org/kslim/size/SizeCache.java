package org.kslim.size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.kslim.AtomicFile;
import org.kslim.BadInputException;

/**
 * Measured figures kept on disk, keyed by content: a file's by its SHA-256 and the compressor, a
 * package's by the hash of its ordered entries (path, metadata, content hash), payload format and
 * compressor. Each entry stores its key and is used only when the key matches; an unreadable or
 * corrupt entry is reported to the warning sink and measured again, never trusted. Writes go to a
 * temporary file renamed into place.
 *
 * <pre>{@code
 * SizeCache cache = SizeCache.at(SizeCache.defaultDirectory(System.getenv()), System.err::println);
 * }</pre>
 */
public final class SizeCache {
  private static final String MAGIC = "kslim-size-cache 1";
  private static final SizeCache DISABLED = new SizeCache(null, message -> { });

  private final Path directory;
  private final Consumer<String> warnings;

  private SizeCache(Path directory, Consumer<String> warnings) {
    this.directory = directory;
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  /** A cache in {@code directory} (created when first written) reporting problems to {@code warnings}. */
  public static SizeCache at(Path directory, Consumer<String> warnings) {
    return new SizeCache(Objects.requireNonNull(directory, "directory"), warnings);
  }

  /** A cache that keeps nothing: every figure is measured. */
  public static SizeCache disabled() {
    return DISABLED;
  }

  /** {@code $XDG_CACHE_HOME/kslim} when that is set, else {@code ~/.cache/kslim}. */
  public static Path defaultDirectory(Map<String, String> environment) {
    String xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
    Path base = xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
    return base.resolve("kslim");
  }

  /** The values stored under {@code key}, if an intact entry holds them. */
  Optional<long[]> get(String kind, String key) {
    if (directory == null) {
      return Optional.empty();
    }
    Path file = entry(kind, key);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      warnings.accept("ignoring unreadable size cache entry " + file + ": " + e.getMessage());
      return Optional.empty();
    }
    Optional<long[]> values = parse(lines, key);
    if (values.isEmpty()) {
      warnings.accept("ignoring corrupt size cache entry " + file + " (measuring again)");
    }
    return values;
  }

  /** Stores {@code values} under {@code key}; a failed write is reported and otherwise ignored. */
  void put(String kind, String key, long... values) {
    if (directory == null) {
      return;
    }
    Path file = entry(kind, key);
    StringBuilder text = new StringBuilder(MAGIC).append('\n').append(key).append('\n');
    for (long value : values) {
      text.append(value).append(' ');
    }
    text.append('\n');
    try {
      AtomicFile.writeString(file, text.toString());
    } catch (BadInputException e) {
      // a cache that cannot be written costs speed, never a figure: the run goes on
      warnings.accept("cannot write size cache entry: " + e.getMessage());
    }
  }

  /** Where the entry for {@code key} lives. */
  Path entry(String kind, String key) {
    String name = ContentHash.of(key);
    return directory.resolve(kind).resolve(name.substring(0, 2)).resolve(name);
  }

  private static Optional<long[]> parse(List<String> lines, String key) {
    if (lines.size() != 3 || !lines.get(0).equals(MAGIC) || !lines.get(1).equals(key)) {
      return Optional.empty();
    }
    try {
      String values = lines.get(2).strip();
      long[] parsed = values.isEmpty() ? new long[0]
          : Arrays.stream(values.split(" ")).mapToLong(Long::parseLong).toArray();
      return Arrays.stream(parsed).allMatch(v -> v >= 0) ? Optional.of(parsed) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

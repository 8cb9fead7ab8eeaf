package org.kslim.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.kslim.kmod.ModuleSet;
import org.kslim.size.FileSizes;
import org.kslim.size.HashedEntry;
import org.kslim.size.PackageSizes;
import org.kslim.size.SizeSheet;
import org.kslim.source.Entry;

/**
 * One run's view of the {@link ParseCache} for its input: the package file's key, what an
 * earlier run parsed from the same bytes, and keeping what this run read for the next one.
 */
final class CachedInput {
  private static final CachedInput NONE = new CachedInput(null, null, Optional.empty());

  private final ParseCache cache;
  private final String key;
  private final Optional<ParsedPackage> parsed;

  private CachedInput(ParseCache cache, String key, Optional<ParsedPackage> parsed) {
    this.cache = cache;
    this.key = key;
    this.parsed = parsed;
  }

  /** Hashes {@code input} and looks it up, when the request keeps a cache and the input is a file. */
  static CachedInput of(CheckRequest request, Path input, Consumer<String> warnings) {
    if (request.cacheDirectory() == null) {
      return NONE;
    }
    Optional<String> key = ParseCache.key(input, request);
    if (key.isEmpty()) {
      return NONE;
    }
    ParseCache cache = new ParseCache(request.cacheDirectory(), warnings);
    return new CachedInput(cache, key.get(), cache.get(key.get()));
  }

  /** What an earlier run parsed from the same input, if kept. */
  Optional<ParsedPackage> parsed() {
    return parsed;
  }

  /**
   * Keeps {@code modules} and every entry read (in order), hashed as {@code sizes} measured
   * them, unless already kept or an entry has no single hash (in no package, or a path twice).
   */
  void keep(ModuleSet modules, List<Entry> entries, SizeSheet sizes) {
    if (cache == null || parsed.isPresent()) {
      return;
    }
    Map<String, String> hashes = new HashMap<>();
    for (PackageSizes pkg : sizes.packages()) {
      for (FileSizes file : pkg.files()) {
        if (hashes.put(file.path(), file.sha256()) != null) {
          return;
        }
      }
    }
    List<HashedEntry> hashed = new ArrayList<>();
    for (Entry entry : entries) {
      String hash = hashes.get(entry.path());
      if (hash == null) {
        return;
      }
      hashed.add(new HashedEntry(entry, hash));
    }
    if (hashed.size() != hashes.size()) {
      return;
    }
    cache.put(key, new ParsedPackage(modules, hashed));
  }
}

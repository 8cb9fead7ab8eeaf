package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizeCacheTest {
  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  @Test
  void missThenHit() {
    SizeCache cache = SizeCache.at(dir, warnings::add);

    assertThat(cache.get("package", "k1")).isEmpty();
    cache.put("package", "k1", 10240, 321);

    assertThat(cache.get("package", "k1")).hasValueSatisfying(v -> assertThat(v).containsExactly(10240, 321));
    assertThat(cache.get("package", "k2")).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void corruptOrForeignEntryIsIgnoredWithAWarning() throws IOException {
    SizeCache cache = SizeCache.at(dir, warnings::add);
    cache.put("file", "abc", 5);
    Path entry = cache.entry("file", "abc");

    Files.writeString(entry, "kslim-size-cache 1\nabc\n5 x\n");
    assertThat(cache.get("file", "abc")).isEmpty();
    Files.writeString(entry, "kslim-size-cache 1\nanother key\n7\n");
    assertThat(cache.get("file", "abc")).isEmpty();
    Files.write(entry, new byte[] {0, 1, 2});
    assertThat(cache.get("file", "abc")).isEmpty();

    assertThat(warnings).hasSize(3).allMatch(w -> w.startsWith("ignoring corrupt size cache entry " + entry));
    cache.put("file", "abc", 6);
    assertThat(cache.get("file", "abc")).hasValueSatisfying(v -> assertThat(v).containsExactly(6));
  }

  @Test
  void writesAtomicallyLeavingNoTemporaryFiles() throws IOException {
    SizeCache cache = SizeCache.at(dir, warnings::add);
    cache.put("package", "k", 1, 2);
    cache.put("package", "k", 3, 4);

    try (var files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .hasSize(1).noneMatch(n -> n.startsWith(".tmp-"));
    }
  }

  @Test
  void disabledCacheKeepsNothing() {
    SizeCache.disabled().put("package", "k", 1);
    assertThat(SizeCache.disabled().get("package", "k")).isEmpty();
  }

  @Test
  void defaultDirectoryFollowsXdgCacheHome() {
    assertThat(SizeCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/var/cache/me")))
        .isEqualTo(Path.of("/var/cache/me/kslim"));
    assertThat(SizeCache.defaultDirectory(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "kslim"));
  }
}

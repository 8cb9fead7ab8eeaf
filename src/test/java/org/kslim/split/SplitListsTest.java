package org.kslim.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.policy.PolicyReader;

class SplitListsTest {
  private static final String POLICY = SplitterTest.PACKAGES + """
      rules:
        - drivers/.*: core
          reason: drivers
        - default: modules
          reason: rest
      """;
  private static final String GRAPH = """
      kernel/fs/zz.ko.xz:
      kernel/drivers/net/tun.ko.xz:
      kernel/drivers/block/loop.ko.xz:
      kernel/fs/aa.ko.xz:
      """;

  private static Split split() {
    return Splitter.split(ModulesDep.parse(GRAPH, Map.of()), PolicyReader.read(POLICY, "p.yaml"), Set.of());
  }

  @Test
  void writesSortedRelativeListsAndEmptyOnes(@TempDir Path dir) throws Exception {
    List<Path> written = SplitLists.write(split(), dir, ListStyle.RELATIVE, "6.1.0-56-amd64", "/lib/modules");

    assertThat(written).containsExactly(dir.resolve("core.list"), dir.resolve("modules.list"), dir.resolve("extra.list"),
        dir.resolve("internal.list"));
    assertThat(Files.readString(dir.resolve("core.list")))
        .isEqualTo("kernel/drivers/block/loop.ko.xz\nkernel/drivers/net/tun.ko.xz\n");
    assertThat(Files.readString(dir.resolve("modules.list"))).isEqualTo("kernel/fs/aa.ko.xz\nkernel/fs/zz.ko.xz\n");
    assertThat(Files.readString(dir.resolve("extra.list"))).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").hasSize(4);
    }
  }

  @Test
  void writesAbsolutePathsAsRpmFilesListsReadThem(@TempDir Path dir) throws Exception {
    SplitLists.write(split(), dir, ListStyle.ABSOLUTE, "6.1.0-56-amd64", "/usr/lib/modules");

    assertThat(Files.readAllLines(dir.resolve("core.list"))).containsExactly(
        "/usr/lib/modules/6.1.0-56-amd64/kernel/drivers/block/loop.ko.xz",
        "/usr/lib/modules/6.1.0-56-amd64/kernel/drivers/net/tun.ko.xz");
  }

  @Test
  void replacesOldListsAndChecksItsArguments(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("core.list"), "stale\n");
    SplitLists.write(split(), dir.resolve("."), ListStyle.RELATIVE, "v", "/lib/modules");

    assertThat(Files.readAllLines(dir.resolve("core.list"))).doesNotContain("stale");
    assertThatThrownBy(() -> SplitLists.write(split(), dir, ListStyle.ABSOLUTE, "a/b", "/lib/modules"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("kernelVersion must be one folder name: a/b");
    assertThatThrownBy(() -> SplitLists.write(split(), dir, ListStyle.ABSOLUTE, "v", "lib/modules/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("modulesRoot must be absolute, without a trailing /: lib/modules/");
  }
}

package org.kslim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void replacesTheFileWhole() throws IOException {
    Path target = dir.resolve("report.json");
    AtomicFile.writeString(target, "old");
    AtomicFile.writeString(target, "new");
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(listing()).containsExactly("report.json");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndLeavesNoTemporary() throws IOException {
    Path target = dir.resolve("core.list");
    AtomicFile.writeString(target, "complete");
    assertThatThrownBy(() -> AtomicFile.write(target, out -> {
      out.write("half".getBytes());
      throw new IOException("disk full");
    })).isInstanceOf(BadInputException.class).hasMessage(target + ": cannot write: disk full");
    assertThat(Files.readString(target)).isEqualTo("complete");
    assertThat(listing()).containsExactly("core.list");
  }

  @Test
  void removesTheTemporariesKilledWritesOfTheSameFileLeft() throws IOException {
    Files.writeString(dir.resolve(".core.rpm.123.tmp"), "half");
    Files.writeString(dir.resolve(".core.rpm.456.tmp"), "half");
    Files.writeString(dir.resolve(".other.rpm.789.tmp"), "another file's");

    AtomicFile.writeString(dir.resolve("core.rpm"), "whole");

    assertThat(listing()).containsExactlyInAnyOrder("core.rpm", ".other.rpm.789.tmp");
  }

  @Test
  void replacesASymlinkAtTheTargetInsteadOfWritingThroughIt() throws IOException {
    Path outside = Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("passwd"), "root:x:0:0");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.createSymbolicLink(out.resolve("report.json"), outside);

    AtomicFile.writeString(out.resolve("report.json"), "{}");

    assertThat(Files.isSymbolicLink(out.resolve("report.json"))).isFalse();
    assertThat(Files.readString(out.resolve("report.json"))).isEqualTo("{}");
    assertThat(Files.readString(outside)).isEqualTo("root:x:0:0");
  }

  @Test
  void writesOfManyFilesSideBySideEachLandWhole() throws Exception {
    List<Callable<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String name = "index" + i;
      writes.add(() -> {
        AtomicFile.writeString(dir.resolve(name), name.repeat(1000));
        return null;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<Void> write : pool.invokeAll(writes)) {
        write.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(listing()).hasSize(16).allMatch(name -> name.startsWith("index"));
    for (int i = 0; i < 16; i++) {
      assertThat(Files.readString(dir.resolve("index" + i))).isEqualTo(("index" + i).repeat(1000));
    }
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}

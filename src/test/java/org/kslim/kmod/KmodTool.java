package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.kslim.testing.ToolRun;

/**
 * The system tools the real-kernel depmod tests compare against: dpkg-deb to unpack a package,
 * kmod's depmod, and the compressors the kernel build uses for modules. A missing tool fails the
 * test: these tests run only when the real-kernel tier is on.
 */
public final class KmodTool {
  static final List<String> INDEX_FILES =
      List.of("modules.dep", "modules.alias", "modules.softdep", "modules.symbols", "modules.devname");

  private KmodTool() {}

  /** Unpacks a .deb into {@code into} with {@code dpkg-deb -x}. */
  public static void extractDeb(Path deb, Path into) {
    run(List.of("dpkg-deb", "-x", deb.toString(), into.toString()));
  }

  /** The single VER under {@code root/lib/modules}. */
  static String kernelVersion(Path root) throws IOException {
    try (Stream<Path> versions = Files.list(root.resolve("lib/modules"))) {
      List<Path> all = versions.toList();
      assertThat(all).as("kernels under " + root).hasSize(1);
      return all.get(0).getFileName().toString();
    }
  }

  /** The only {@code Module.symvers} under {@code root}. */
  public static Path symvers(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().equals("Module.symvers")).findFirst()
          .orElseThrow(() -> new AssertionError("no Module.symvers under " + root));
    }
  }

  /** What a tool run ended with. */
  public record Outcome(int exit, String stderr) {}

  /** Runs {@code depmod -b root -e -E symvers ver}, which must succeed, and returns its stderr. */
  public static String depmod(Path root, String version, Path symvers) {
    Outcome outcome = depmodOutcome(root, version, symvers);
    if (outcome.exit() != 0) {
      fail("depmod exited " + outcome.exit() + ": " + outcome.stderr());
    }
    return outcome.stderr();
  }

  /** Runs {@code depmod -b root -e -E symvers ver}, whatever its exit code. */
  static Outcome depmodOutcome(Path root, String version, Path symvers) {
    return execute(List.of(tool("depmod", "/usr/sbin/depmod", "/sbin/depmod"), "-b", root.toString(), "-e", "-E",
        symvers.toString(), version));
  }

  /**
   * Compresses every {@code .ko} under {@code folder} as {@code make modules_install} does:
   * {@code xz --check=crc32 --lzma2=dict=1MiB}, {@code zstd -T0 --rm} or {@code gzip -n}.
   */
  static void compressModules(Path folder, String compressor) throws IOException {
    List<String> command = switch (compressor) {
      case "xz" -> List.of("xz", "--check=crc32", "--lzma2=dict=1MiB", "-f", "-q");
      case "zstd" -> List.of("zstd", "-T0", "--rm", "-f", "-q");
      case "gzip" -> List.of("gzip", "-n", "-f");
      default -> throw new IllegalArgumentException("unknown compressor: " + compressor);
    };
    List<String> modules;
    try (Stream<Path> files = Files.walk(folder)) {
      modules = files.map(Path::toString).filter(p -> p.endsWith(".ko")).sorted().toList();
    }
    List<Callable<String>> batches = new ArrayList<>();
    for (int from = 0; from < modules.size(); from += 100) {
      List<String> batch = new ArrayList<>(command);
      batch.addAll(modules.subList(from, Math.min(modules.size(), from + 100)));
      batches.add(() -> run(batch));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      for (Future<String> batch : pool.invokeAll(batches)) {
        batch.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while compressing modules", e);
    } catch (ExecutionException e) {
      fail(compressor + " failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Fails the test unless every index file in {@code actual} equals the one in {@code expected}. */
  static void assertSameIndexes(Path expected, Path actual) throws IOException {
    for (String file : INDEX_FILES) {
      assertThat(Files.readString(actual.resolve(file), StandardCharsets.UTF_8))
          .as(file + " in " + actual + " against " + expected)
          .isEqualTo(Files.readString(expected.resolve(file), StandardCharsets.UTF_8));
    }
  }

  /**
   * Builds a Fedora-style rpm of the tree under {@code root/lib/modules/VER} with rpmbuild: files
   * under {@code usr/lib/modules/VER} (merged /usr), a zstd payload, no generated dependencies.
   */
  static Path buildModulesRpm(Path root, String version, Path work) throws IOException {
    Path spec = work.resolve("kernel-modules.spec");
    Files.writeString(spec, String.join("\n",
        "Name: kernel-modules-test",
        "Version: 6.1",
        "Release: 1",
        "Summary: modules of a Debian kernel, repackaged as Fedora packages them",
        "License: GPL-2.0-only",
        "AutoReqProv: no",
        "%define _binary_payload w9.zstdio",
        "%define __os_install_post %{nil}",
        "%define debug_package %{nil}",
        "%define _build_id_links none",
        "%description",
        "Test input for kslim.",
        "%install",
        "mkdir -p %{buildroot}/usr/lib/modules",
        "cp -a " + root.resolve("lib/modules").resolve(version) + " %{buildroot}/usr/lib/modules/",
        "%files",
        "/usr/lib/modules/" + version,
        ""));
    run(List.of("rpmbuild", "-bb", "--quiet", "--define", "_topdir " + work.resolve("rpmbuild"), spec.toString()));
    try (var rpms = Files.walk(work.resolve("rpmbuild/RPMS"))) {
      return rpms.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
    }
  }

  private static String tool(String name, String... places) {
    for (String place : places) {
      if (Files.isExecutable(Path.of(place))) {
        return place;
      }
    }
    return name;
  }

  private static String run(List<String> command) {
    return ToolRun.ok(command).stderr();
  }

  private static Outcome execute(List<String> command) {
    ToolRun run = ToolRun.of(command);
    return new Outcome(run.exit(), run.stderr());
  }
}

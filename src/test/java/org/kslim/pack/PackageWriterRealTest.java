package org.kslim.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.kmod.KmodTool;
import org.kslim.source.Entry;
import org.kslim.source.EntryCollector;
import org.kslim.source.EntryType;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageReader;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;
import org.kslim.testing.ToolRun;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian cloud kernel split by the shipped cloud policy and written as rpm and deb packages,
 * checked with rpm, dpkg-deb and depmod. Maintainer scripts cannot run in an empty scratch root
 * (it has no shell and no depmod), so rpm installs there with {@code --noscripts}; dpkg cannot
 * install without running them chrooted, so the debs are unpacked with {@code dpkg-deb -x} and
 * their dependencies checked on their control fields.
 */
class PackageWriterRealTest {
  private static final Path CLOUD_POLICY = Path.of("policies/cloud.yaml");

  /** The split of the cloud kernel, made once for both tests (it is the slow part). */
  private static SplitAnalysis analysis;

  @TempDir Path dir;

  private static synchronized SplitAnalysis analyze() {
    if (analysis == null) {
      analysis = SplitAnalyzer.analyze(CheckRequest.of(SharedData.kernel(SharedData.CLOUD_DEB), CLOUD_POLICY));
    }
    return analysis;
  }

  private PackResult write(SplitAnalysis split, PackageFormat format) {
    return PackageWriter.write(PackageReader.open(SharedData.kernel(SharedData.CLOUD_DEB)), split,
        PackRequest.of(format, dir.resolve("out")));
  }

  @RealKernelTest
  void rpmsVerifyInstallWithoutNodepsAndGiveBackTheInputsFiles() throws IOException {
    SplitAnalysis split = analyze();
    PackResult result = write(split, PackageFormat.RPM);
    List<String> files = result.packages().stream().map(p -> p.file().toString()).toList();
    for (String rpm : files) {
      assertThat(ToolRun.ok(List.of("rpm", "-K", rpm)).stdout()).as(rpm).endsWith("digests OK\n");
      assertThat(ToolRun.ok(List.of("rpm", "-qip", rpm)).stderr()).as(rpm).isEmpty();
      ToolRun.ok(List.of("rpm", "-qlp", rpm));
    }
    String kver = split.modules().kernelVersion();
    String core = result.part(split.split().core()).orElseThrow().file().toString();
    String meta = files.get(files.size() - 1);

    Path coreRoot = rpmRoot("core");
    ToolRun.ok(List.of("rpm", "--root", coreRoot.toString(), "-i", "--noscripts", core));
    Path symvers = KmodTool.symvers(headers());
    assertThat(KmodTool.depmod(coreRoot, kver, symvers)).doesNotContain("needs unknown symbol");

    Path allRoot = rpmRoot("all");
    ToolRun alone = ToolRun.of(List.of("rpm", "--root", allRoot.toString(), "-i", "--noscripts", meta));
    assertThat(alone.exit()).isNotZero();
    for (WrittenPackage part : result.packages().subList(0, files.size() - 1)) {
      assertThat(alone.stderr()).contains(part.name() + " = 6.1.192-2 is needed by");
    }
    List<String> install = new ArrayList<>(List.of("rpm", "--root", allRoot.toString(), "-i", "--noscripts"));
    install.addAll(files);
    ToolRun.ok(install);
    assertThat(ToolRun.ok(List.of("rpm", "--root", allRoot.toString(), "-qa")).stdout().lines().toList()).hasSize(files.size());
    assertSameFiles(allRoot, Set.of("root/.rpmdb", "var/lib/rpm", "usr/lib/sysimage/rpm"));
  }

  @RealKernelTest
  void debsReadWithDpkgDebAndGiveBackTheInputsFiles() throws IOException {
    PackResult result = write(analyze(), PackageFormat.DEB);
    Path root = dir.resolve("root");
    Map<String, String> depends = new TreeMap<>();
    for (WrittenPackage deb : result.packages()) {
      String file = deb.file().toString();
      assertThat(ToolRun.ok(List.of("dpkg-deb", "--info", file)).stderr()).as(file).isEmpty();
      assertThat(ToolRun.ok(List.of("dpkg-deb", "--contents", file)).stderr()).as(file).isEmpty();
      assertThat(ToolRun.ok(List.of("sh", "-c", "dpkg-deb --fsys-tarfile \"$0\" | tar -t >/dev/null", file)).stderr())
          .as(file).isEmpty();
      depends.put(deb.name(), ToolRun.ok(List.of("dpkg-deb", "--field", file, "Depends")).stdout().strip());
      KmodTool.extractDeb(deb.file(), root);
    }
    List<String> parts = result.packages().stream().filter(p -> !p.part().isEmpty()).map(WrittenPackage::name).toList();
    String meta = result.packages().get(result.packages().size() - 1).name();
    assertThat(depends.get(meta)).isEqualTo(String.join(", ", parts.stream().map(p -> p + " (= 6.1.192-2)").toList()));
    assertThat(depends.get(parts.get(0))).isEmpty();
    assertSameFiles(root, Set.of());
  }

  private Path rpmRoot(String name) throws IOException {
    Path root = Files.createDirectories(dir.resolve(name));
    ToolRun.ok(List.of("rpm", "--root", root.toString(), "--initdb"));
    return root;
  }

  private Path headers() {
    Path root = dir.resolve("headers");
    KmodTool.extractDeb(SharedData.kernel(SharedData.CLOUD_HEADERS), root);
    return root;
  }

  /** Every file and symlink of the input under {@code root}, byte for byte with its mode and mtime, and nothing else. */
  private static void assertSameFiles(Path root, Set<String> ignored) throws IOException {
    EntryCollector input = EntryCollector.of(PackageReader.open(SharedData.kernel(SharedData.CLOUD_DEB)));
    List<String> expected = new ArrayList<>();
    for (Entry entry : input.entries()) {
      Path file = root.resolve(entry.path());
      PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (entry.type() == EntryType.SYMLINK) {
        assertThat(Files.readSymbolicLink(file).toString()).as(entry.path()).isEqualTo(entry.linkTarget());
      } else {
        assertThat(mode(attributes)).as(entry.path() + " mode").isEqualTo(entry.mode() & 0777);
      }
      if (entry.type() == EntryType.FILE) {
        assertThat(Files.readAllBytes(file)).as(entry.path()).isEqualTo(input.content(entry.path()));
        assertThat(attributes.lastModifiedTime().toMillis() / 1000).as(entry.path() + " mtime").isEqualTo(entry.mtime());
      }
      if (entry.type() != EntryType.DIRECTORY) {
        expected.add(entry.path());
      }
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<String> found = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> root.relativize(p).toString())
          .filter(p -> ignored.stream().noneMatch(i -> p.startsWith(i + "/"))).toList();
      assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static int mode(PosixFileAttributes attributes) {
    int mode = 0;
    for (PosixFilePermission permission : attributes.permissions()) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return mode;
  }
}

package org.kslim.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.kmod.KmodTool;
import org.kslim.size.CompressorKind;
import org.kslim.size.FileContent;
import org.kslim.size.PayloadCompression;
import org.kslim.source.Compression;
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
 * checked with rpm, dpkg-deb and depmod, and installed with rpm and dpkg into scratch roots with
 * every maintainer script running (chrooted, in a {@link ScratchRoot}): core alone, the meta
 * package alone (refused, naming each part), every package, and upgrades from the unsplit package
 * of an earlier version to every part or to core alone.
 */
class PackageWriterRealTest {
  private static final Path CLOUD_POLICY = Path.of("policies/cloud.yaml");
  private static final String VERSION = "6.1.192-2";

  /** The split of the cloud kernel, made once for all tests (it is the slow part). */
  private static SplitAnalysis analysis;
  /** The input's entries and content, read once. */
  private static EntryCollector input;
  /** The packages written in each format, once for all tests. */
  private static final Map<PackageFormat, PackResult> WRITTEN = new EnumMap<>(PackageFormat.class);

  @TempDir static Path packages;
  @TempDir Path dir;

  private static synchronized SplitAnalysis analyze() throws IOException {
    if (analysis == null) {
      analysis = SplitAnalyzer.analyze(CheckRequest.of(SharedData.kernel(SharedData.CLOUD_DEB), CLOUD_POLICY));
      input = EntryCollector.of(PackageReader.open(SharedData.kernel(SharedData.CLOUD_DEB)));
    }
    return analysis;
  }

  private static synchronized PackResult write(PackageFormat format) {
    return WRITTEN.computeIfAbsent(format, f -> PackageWriter.write(PackageReader.open(SharedData.kernel(SharedData.CLOUD_DEB)),
        analysis, PackRequest.of(f, packages.resolve(f.name().toLowerCase(Locale.ROOT)))));
  }

  @RealKernelTest
  void rpmsVerifyAndInstallWithTheirScriptlets() throws IOException {
    analyze();
    PackResult result = write(PackageFormat.RPM);
    for (String rpm : files(result.packages())) {
      assertThat(ToolRun.ok(List.of("rpm", "-K", rpm)).stdout()).as(rpm).endsWith("digests OK\n");
      assertThat(ToolRun.ok(List.of("rpm", "-qip", rpm)).stderr()).as(rpm).isEmpty();
      ToolRun.ok(List.of("rpm", "-qlp", rpm));
    }
    installs(Tool.RPM, result);
  }

  @RealKernelTest
  void debsReadWithDpkgDebAndInstallWithDpkg() throws IOException {
    analyze();
    PackResult result = write(PackageFormat.DEB);
    for (String deb : files(result.packages())) {
      assertThat(ToolRun.ok(List.of("dpkg-deb", "--info", deb)).stderr()).as(deb).isEmpty();
      assertThat(ToolRun.ok(List.of("dpkg-deb", "--contents", deb)).stderr()).as(deb).isEmpty();
      assertThat(ToolRun.ok(List.of("sh", "-c", "dpkg-deb --fsys-tarfile \"$0\" | tar -t >/dev/null", deb)).stderr())
          .as(deb).isEmpty();
    }
    WrittenPackage meta = result.packages().get(result.packages().size() - 1);
    assertThat(ToolRun.ok(List.of("dpkg-deb", "--field", meta.file().toString(), "Depends")).stdout().strip())
        .isEqualTo(String.join(", ", parts(result).stream().map(p -> p.name() + " (= " + VERSION + ")").toList()));
    ScratchRoot coreRoot = installs(Tool.DPKG, result);
    String kver = analysis.modules().kernelVersion();
    assertThat(coreRoot.hookCalls()).as("the input's postinst ran").containsExactly(
        "linux-update-symlinks install " + kver + " /boot/vmlinuz-" + kver);
  }

  @RealKernelTest
  void debsUpgradeTheUnsplitPackageToEveryPartOrToCoreAlone() throws IOException {
    analyze();
    upgrades(Tool.DPKG, write(PackageFormat.DEB), unsplitDeb("6.1.192-1"));
  }

  @RealKernelTest
  void rpmsUpgradeTheUnsplitPackageToEveryPartOrToCoreAlone() throws IOException {
    analyze();
    upgrades(Tool.RPM, write(PackageFormat.RPM), unsplitRpm("1"));
  }

  /**
   * Core alone, then the meta package alone (refused, naming each part), then every package, each
   * into a fresh root; returns the core-only root.
   */
  private ScratchRoot installs(Tool tool, PackResult result) throws IOException {
    WrittenPackage core = result.part(analysis.split().core()).orElseThrow();
    ScratchRoot coreRoot = root(tool, "core");
    tool.ok(coreRoot, "-i", List.of(core.file().toString()));
    tool.assertInstalledExactly(coreRoot, List.of(core));
    assertCoreAlone(coreRoot);

    ScratchRoot allRoot = root(tool, "all");
    WrittenPackage meta = result.packages().get(result.packages().size() - 1);
    ToolRun alone = allRoot.run(tool.command(allRoot, "-i", List.of(meta.file().toString())));
    assertThat(alone.exit()).isNotZero();
    for (WrittenPackage part : parts(result)) {
      assertThat(alone.stderr()).contains(tool.missing(part.name()));
    }
    tool.ok(allRoot, "-i", files(result.packages()));
    tool.assertInstalledExactly(allRoot, result.packages());
    assertEveryPart(allRoot);
    return coreRoot;
  }

  /** From the unsplit package of an earlier version, installed with its scripts, to every package; and to core alone. */
  private void upgrades(Tool tool, PackResult result, Path unsplit) throws IOException {
    ScratchRoot everyPart = root(tool, "every");
    tool.ok(everyPart, "-i", List.of(unsplit.toString()));
    tool.ok(everyPart, tool.upgrade(), files(result.packages()));
    tool.assertInstalledExactly(everyPart, result.packages());
    assertEveryPart(everyPart);

    ScratchRoot coreOnly = root(tool, "core");
    tool.ok(coreOnly, "-i", List.of(unsplit.toString()));
    WrittenPackage core = result.part(analysis.split().core()).orElseThrow();
    tool.ok(coreOnly, tool.upgrade(), List.of(core.file().toString()));
    tool.assertInstalledExactly(coreOnly, List.of(core));
    assertCoreAlone(coreOnly);
  }

  /**
   * A scratch root for {@code tool}; for dpkg with stand-ins for the packages the input's Depends
   * names (the first of each alternative), as a Debian system would have them installed.
   */
  private ScratchRoot root(Tool tool, String name) throws IOException {
    ScratchRoot root = ScratchRoot.create(dir.resolve(name));
    if (tool == Tool.DPKG) {
      List<String> depends = Stream.of(analysis.packageInfo().fields().get("Depends").split(","))
          .map(d -> d.strip().split("[ |(]")[0]).toList();
      root.installDebStandIns(depends, dir.resolve(name + "-stand-ins"));
    }
    return root;
  }

  /** rpm or dpkg as the tests run them on a scratch root. */
  private enum Tool {
    RPM {
      @Override
      List<String> command(ScratchRoot root, String action, List<String> files) {
        return concat(List.of("rpm", "--root", root.path().toString(), action), files);
      }

      @Override
      String upgrade() {
        return "-U";
      }

      @Override
      String missing(String part) {
        return part + " = " + VERSION + " is needed by";
      }

      @Override
      List<String> installed(ScratchRoot root) {
        return ok(root, "-qa", List.of()).stdout().lines().toList();
      }

      @Override
      String label(WrittenPackage written) {
        return written.name() + "-" + VERSION + ".x86_64";
      }
    },
    DPKG {
      @Override
      List<String> command(ScratchRoot root, String action, List<String> files) {
        return concat(List.of("dpkg", "--root", root.path().toString(), "--force-not-root", action), files);
      }

      @Override
      String upgrade() {
        return "-i";
      }

      @Override
      String missing(String part) {
        return "depends on " + part + " (= " + VERSION + ")";
      }

      @Override
      List<String> installed(ScratchRoot root) {
        return root.ok(List.of("dpkg-query", "--admindir", root.path().resolve("var/lib/dpkg").toString(), "-W", "-f",
            "${db:Status-Abbrev}${Package} ${Version}\n")).stdout().lines()
            .filter(l -> l.startsWith("ii ") && !l.endsWith(" 99")).map(l -> l.substring(3)).toList();
      }

      @Override
      String label(WrittenPackage written) {
        return written.name() + " " + VERSION;
      }
    };

    abstract List<String> command(ScratchRoot root, String action, List<String> files);

    /** The action that upgrades installed packages. */
    abstract String upgrade();

    /** What the tool says when a part the meta package requires is missing. */
    abstract String missing(String part);

    /** The installed packages (dpkg's stand-ins, version 99, left out), as {@link #label} spells them. */
    abstract List<String> installed(ScratchRoot root);

    abstract String label(WrittenPackage written);

    ToolRun ok(ScratchRoot root, String action, List<String> files) {
      return root.ok(command(root, action, files));
    }

    void assertInstalledExactly(ScratchRoot root, List<WrittenPackage> expected) {
      assertThat(installed(root)).containsExactlyInAnyOrderElementsOf(expected.stream().map(this::label).toList());
    }
  }

  /** The input package as it would have been at release {@code release}, unsplit, as one rpm. */
  private Path unsplitRpm(String release) throws IOException {
    List<FileContent> files = input.entries().stream()
        .map(e -> e.isFile() ? new FileContent(e, input.content(e.path())) : FileContent.of(e)).toList();
    String kver = analysis.modules().kernelVersion();
    var info = analysis.packageInfo();
    PackageSpec spec = new PackageSpec(info.name(), "", "", info.version(), release, "x86_64", "", "unsplit", "",
        info.name(), Map.of(), List.of(), List.of(), List.of(),
        MaintainerScripts.image(info.scripts(), PackageFormat.RPM, kver, "/lib/modules/" + kver, new ArrayList<>()),
        0, 1_750_000_000L, files);
    PayloadCompression fast = new PayloadCompression(Compression.ZSTD, 3);
    Path rpm = dir.resolve("unsplit.rpm");
    try (OutputStream out = Files.newOutputStream(rpm)) {
      RpmWriter.write(spec, CompressorKind.BUILT_IN.create(fast, 2), fast, out);
    }
    return rpm;
  }

  /** The input package as it would have been at {@code version}, unsplit, rebuilt by dpkg-deb. */
  private Path unsplitDeb(String version) throws IOException {
    Path tree = dir.resolve("unsplit");
    ToolRun.ok(List.of("dpkg-deb", "-R", SharedData.kernel(SharedData.CLOUD_DEB).toString(), tree.toString()));
    Path control = tree.resolve("DEBIAN/control");
    Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: " + version));
    Path deb = dir.resolve("unsplit.deb");
    ToolRun.ok(List.of("dpkg-deb", "--root-owner-group", "-Znone", "-b", tree.toString(), deb.toString()));
    return deb;
  }

  /** Core's files of the input, the indexes its scripts made hold only core's modules, and depmod finds every symbol. */
  private void assertCoreAlone(ScratchRoot root) throws IOException {
    String core = analysis.split().core();
    assertInputFiles(root, e -> SplitAnalyzer.packageOf(analysis.split(), e).equals(core));
    String kver = analysis.modules().kernelVersion();
    assertThat(Files.readAllLines(root.path().resolve("lib/modules/" + kver + "/modules.dep")))
        .as("modules.dep written by the scripts").hasSize(analysis.split().modules(core).size());
    Path symvers = KmodTool.symvers(headers());
    assertThat(KmodTool.depmod(root.path(), kver, symvers)).doesNotContain("needs unknown symbol");
  }

  /** Every file of the input, and the scripts' depmod wrote the indexes of the whole kernel. */
  private void assertEveryPart(ScratchRoot root) throws IOException {
    assertInputFiles(root, e -> true);
    String kver = analysis.modules().kernelVersion();
    Path reference = SharedData.reference(kver);
    for (String index : List.of("modules.dep", "modules.alias", "modules.softdep", "modules.symbols")) {
      assertThat(root.path().resolve("lib/modules/" + kver + "/" + index)).as(index)
          .hasSameBinaryContentAs(reference.resolve(index));
    }
  }

  private Path headers() throws IOException {
    Path root = dir.resolve("headers");
    if (!Files.isDirectory(root)) {
      KmodTool.extractDeb(SharedData.kernel(SharedData.CLOUD_HEADERS), root);
    }
    return root;
  }

  /**
   * Under the root: exactly the input's entries that {@code wanted} selects (files byte for byte
   * with mode and mtime, symlinks with their targets), besides the toolbox, the package databases,
   * the hook log and the module indexes the scripts' depmod wrote.
   */
  private void assertInputFiles(ScratchRoot scratch, Predicate<Entry> wanted) throws IOException {
    Path root = scratch.path();
    List<String> expected = new ArrayList<>();
    for (Entry entry : input.entries()) {
      if (!wanted.test(entry)) {
        continue;
      }
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
    Pattern indexes = Pattern.compile("lib/modules/[^/]+/modules\\.[a-z.]+");
    Set<String> databases = Set.of("var/lib/dpkg/", "var/lib/rpm/", "usr/lib/sysimage/rpm/", "root/.rpmdb/",
        ScratchRoot.HOOK_LOG);
    try (Stream<Path> walk = Files.walk(root)) {
      List<String> found = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> root.relativize(p).toString())
          .filter(p -> !scratch.toolbox().contains(p) && databases.stream().noneMatch(p::startsWith))
          .filter(p -> expected.contains(p) || !indexes.matcher(p).matches()).toList();
      assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static List<WrittenPackage> parts(PackResult result) {
    return result.packages().stream().filter(p -> !p.part().isEmpty()).toList();
  }

  private static List<String> files(List<WrittenPackage> packages) {
    return packages.stream().map(p -> p.file().toString()).toList();
  }

  private static List<String> concat(List<String> head, List<String> tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    return all;
  }

  private static int mode(PosixFileAttributes attributes) {
    int mode = 0;
    for (PosixFilePermission permission : attributes.permissions()) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return mode;
  }
}

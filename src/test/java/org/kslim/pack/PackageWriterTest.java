package org.kslim.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kslim.BadInputException;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.check.SplitAnalyzerFixtures;
import org.kslim.size.Measure;
import org.kslim.source.Entry;
import org.kslim.source.EntryCollector;
import org.kslim.source.EntryType;
import org.kslim.source.EntryVisitor;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;
import org.kslim.source.PackageReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PackageWriterTest {
  private static final OptionalLong EPOCH = OptionalLong.of(1_750_000_000L);

  @TempDir Path dir;
  private Path deb;
  private SplitAnalysis analysis;

  @BeforeEach
  void split() throws IOException {
    deb = PackFixtures.kernelDeb(dir);
    analysis = SplitAnalyzer.analyze(CheckRequest.of(deb, SplitAnalyzerFixtures.policy(dir, "1MiB")));
  }

  private PackResult write(PackageFormat format, Path out) {
    return PackageWriter.write(PackageReader.open(deb), analysis, PackRequest.of(format, out).withSourceDateEpoch(EPOCH));
  }

  @ParameterizedTest
  @EnumSource(value = PackageFormat.class, names = {"RPM", "DEB"})
  void partsHoldExactlyTheInputsEntriesWithTheirMetadataAndContent(PackageFormat format) throws IOException {
    PackResult result = write(format, dir.resolve("out"));

    EntryCollector input = EntryCollector.of(PackageReader.open(deb));
    List<String> inputPaths = input.paths();
    Map<String, Entry> union = new TreeMap<>();
    Map<String, byte[]> contents = new TreeMap<>();
    for (String part : List.of("core", "optional")) {
      EntryCollector written = EntryCollector.of(PackageReader.open(result.part(part).orElseThrow().file()));
      for (Entry entry : written.entries()) {
        boolean impliedParent = entry.type() == EntryType.DIRECTORY
            && (!part.equals(analysis.split().image()) || !inputPaths.contains(entry.path()));
        if (!impliedParent) {
          assertThat(union.put(entry.path(), entry)).as(entry.path() + " in one package only").isNull();
          contents.put(entry.path(), written.content(entry.path()));
        }
      }
    }
    assertThat(union.values()).containsExactlyInAnyOrderElementsOf(input.entries());
    input.entries().forEach(e -> assertThat(contents.get(e.path())).as(e.path()).isEqualTo(input.content(e.path())));
  }

  @Test
  void rpmPackagesCarryVersionArchitectureDependenciesAndScripts() {
    PackResult result = write(PackageFormat.RPM, dir.resolve("out"));

    assertThat(result.packages()).extracting(WrittenPackage::name).containsExactly(
        "kernel-core-" + PackFixtures.KVER, "kernel-optional-" + PackFixtures.KVER, "linux-image-" + PackFixtures.KVER);
    PackageInfo core = PackageReader.open(result.part("core").orElseThrow().file()).info();
    assertThat(List.of(core.version(), core.release(), core.architecture())).containsExactly("6.1.192", "2", "x86_64");
    assertThat(core.fields()).containsEntry("BUILDTIME", "1750000000").containsEntry("PAYLOADCOMPRESSOR", "zstd");
    assertThat(core.scripts().get("%post")).startsWith("#!/bin/sh\n").contains("echo configured");
    assertThat(core.scripts().get("%posttrans")).isEqualTo("depmod -a " + PackFixtures.KVER + "\n");
    assertThat(result.warnings()).contains(deb + ": the input's Depends, Recommends, Conflicts name Debian packages"
        + " and are not carried into rpm packages");
    PackageInfo optional = PackageReader.open(result.part("optional").orElseThrow().file()).info();
    assertThat(optional.scripts()).containsOnlyKeys("%posttrans", "%postun");
    assertThat(result.part("core").orElseThrow().installed()).isEqualTo(analysis.sizes().get("core").get(Measure.INSTALLED));
  }

  @Test
  void debPackagesCarryControlFieldsAndTheInputsScriptsWithDepmod() {
    PackResult result = write(PackageFormat.DEB, dir.resolve("out"));

    String core = "linux-core-" + PackFixtures.KVER;
    PackageInfo optional = PackageReader.open(result.part("optional").orElseThrow().file()).info();
    assertThat(optional.fields()).containsEntry("Version", "6.1.192-2").containsEntry("Architecture", "amd64")
        .containsEntry("Depends", core + " (= 6.1.192-2)")
        .containsEntry("Conflicts", "linux-image-" + PackFixtures.KVER + " (<< 6.1.192-2)")
        .containsEntry("Replaces", "linux-image-" + PackFixtures.KVER + " (<= 6.1.192-2)")
        .containsEntry("Installed-Size", Long.toString(analysis.sizes().get("optional").get(Measure.INSTALLED_KIB)));
    assertThat(optional.fields()).doesNotContainKey("Recommends");
    PackageInfo image = PackageReader.open(result.part("core").orElseThrow().file()).info();
    assertThat(image.fields()).containsEntry("Depends", "kmod, linux-base (>= 4.3~)")
        .containsEntry("Recommends", "apparmor")
        .containsEntry("Conflicts", "linux-image-" + PackFixtures.KVER + " (<< 6.1.192-2), linux-image-"
            + PackFixtures.KVER + "-signed");
    assertThat(image.scripts().get("postinst")).isEqualTo("#!/bin/sh\nif [ \"$1\" = configure ]; then\n\tdepmod -a "
        + PackFixtures.KVER + "\nfi\n" + PackFixtures.POSTINST.substring("#!/bin/sh\n".length()));
    PackageInfo meta = PackageReader.open(result.packages().get(2).file()).info();
    assertThat(meta.fields().get("Depends")).isEqualTo(core + " (= 6.1.192-2), linux-optional-" + PackFixtures.KVER
        + " (= 6.1.192-2)");
  }

  @Test
  void anEpochIsCarriedIntoVersionsAndRelations() throws IOException {
    Path epochDeb = PackFixtures.kernelDeb(Files.createDirectories(dir.resolve("epoch")), "1:6.1.192-2");
    SplitAnalysis epochAnalysis = SplitAnalyzer.analyze(CheckRequest.of(epochDeb, SplitAnalyzerFixtures.policy(dir, "1MiB")));

    PackResult debs = PackageWriter.write(PackageReader.open(epochDeb), epochAnalysis,
        PackRequest.of(PackageFormat.DEB, dir.resolve("deb")).withSourceDateEpoch(EPOCH));
    PackResult rpms = PackageWriter.write(PackageReader.open(epochDeb), epochAnalysis,
        PackRequest.of(PackageFormat.RPM, dir.resolve("rpm")).withSourceDateEpoch(EPOCH));

    PackageInfo deb = PackageReader.open(debs.part("optional").orElseThrow().file()).info();
    assertThat(deb.fields()).containsEntry("Version", "1:6.1.192-2")
        .containsEntry("Depends", "linux-core-" + PackFixtures.KVER + " (= 1:6.1.192-2)");
    assertThat(debs.part("optional").orElseThrow().file().getFileName().toString()).endsWith("_6.1.192-2_amd64.deb");
    PackageInfo rpm = PackageReader.open(rpms.part("optional").orElseThrow().file()).info();
    assertThat(rpm.fields()).containsEntry("EPOCH", "1").containsEntry("VERSION", "6.1.192");
  }

  @Test
  void thePolicySetsVersionReleaseArchitectureAndLicenseInsteadOfTheInputs() throws IOException {
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    Files.writeString(policy, Files.readString(policy)
        + "naming: {version: 6.1.193, release: 1kslim1, architecture: x86_64, license: GPL-2.0-only}\n");
    SplitAnalysis rebuilt = SplitAnalyzer.analyze(CheckRequest.of(deb, policy));

    PackResult debs = PackageWriter.write(PackageReader.open(deb), rebuilt,
        PackRequest.of(PackageFormat.DEB, dir.resolve("deb")).withSourceDateEpoch(EPOCH));
    PackResult rpms = PackageWriter.write(PackageReader.open(deb), rebuilt,
        PackRequest.of(PackageFormat.RPM, dir.resolve("rpm")).withSourceDateEpoch(EPOCH));

    PackageInfo debPart = PackageReader.open(debs.part("optional").orElseThrow().file()).info();
    assertThat(debPart.fields()).containsEntry("Version", "6.1.193-1kslim1").containsEntry("Architecture", "amd64")
        .containsEntry("Conflicts", "linux-image-" + PackFixtures.KVER + " (<< 6.1.193-1kslim1)");
    PackageInfo rpmPart = PackageReader.open(rpms.part("optional").orElseThrow().file()).info();
    assertThat(List.of(rpmPart.version(), rpmPart.release(), rpmPart.architecture(), rpmPart.license()))
        .containsExactly("6.1.193", "1kslim1", "x86_64", "GPL-2.0-only");
    assertThat(rpms.part("optional").orElseThrow().file().getFileName().toString())
        .isEqualTo("kernel-optional-" + PackFixtures.KVER + "-6.1.193-1kslim1.x86_64.rpm");
  }

  @Test
  void aModuleCompressionThePolicyAsksForIsNotSilentlyIgnored() throws IOException {
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    Files.writeString(policy, Files.readString(policy) + "compression: {target: rpm, payload: zstd, level: 3, modules: xz}\n");
    SplitAnalysis recompressing = SplitAnalyzer.analyze(CheckRequest.of(deb, policy));

    PackResult result = PackageWriter.write(PackageReader.open(deb), recompressing,
        PackRequest.of(PackageFormat.RPM, dir.resolve("out")).withSourceDateEpoch(EPOCH));

    assertThat(result.warnings()).contains(policy + ": the module compression xz is not applied: "
        + "modules are written as the input holds them");
    assertThat(PackageReader.open(result.part("core").orElseThrow().file()).info().fields())
        .containsEntry("PAYLOADFLAGS", "3");
  }

  @ParameterizedTest
  @EnumSource(value = PackageFormat.class, names = {"RPM", "DEB"})
  void sameInputPolicyAndEpochGiveTheSameBytes(PackageFormat format) throws IOException {
    PackResult first = write(format, dir.resolve("one"));
    PackResult second = write(format, dir.resolve("two"));

    assertThat(first.packages()).hasSize(3);
    for (int i = 0; i < first.packages().size(); i++) {
      assertThat(sha256(second.packages().get(i).file())).isEqualTo(sha256(first.packages().get(i).file()));
    }
  }

  @ParameterizedTest
  @EnumSource(value = PackageFormat.class, names = {"RPM", "DEB"})
  void theSamePolicyInAnotherFolderGivesTheSameBytes(PackageFormat format) throws IOException {
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    Path elsewhere = java.nio.file.Files.createDirectories(dir.resolve("elsewhere/policies")).resolve(policy.getFileName());
    java.nio.file.Files.copy(policy, elsewhere);
    SplitAnalysis moved = SplitAnalyzer.analyze(CheckRequest.of(deb, elsewhere));

    PackResult first = write(format, dir.resolve("one"));
    PackResult second = PackageWriter.write(PackageReader.open(deb), moved,
        PackRequest.of(format, dir.resolve("two")).withSourceDateEpoch(EPOCH));

    for (int i = 0; i < first.packages().size(); i++) {
      assertThat(sha256(second.packages().get(i).file())).isEqualTo(sha256(first.packages().get(i).file()));
    }
  }

  @Test
  void figuresAreReadBackFromTheWrittenFiles() throws IOException {
    WrittenPackage core = write(PackageFormat.DEB, dir.resolve("out")).part("core").orElseThrow();

    assertThat(core.fileBytes()).isEqualTo(Files.size(core.file()));
    assertThat(core.payloadBytes()).isPositive().isLessThan(core.fileBytes());
    assertThat(core.installedMeasure()).isEqualTo(Measure.INSTALLED_KIB);
  }

  @Test
  void aFailingContentLeavesNoPackageAndKeepsEarlierOnes() throws IOException {
    Path out = dir.resolve("out");
    PackResult earlier = write(PackageFormat.RPM, out);
    String before = sha256(earlier.packages().get(0).file());
    KernelPackage source = PackageReader.open(deb);
    KernelPackage failing = new FailingPackage(source);

    assertThatThrownBy(() -> PackageWriter.write(failing, analysis, PackRequest.of(PackageFormat.RPM, out)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("disk gone");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(earlier.packages().stream().map(p -> p.file().getFileName().toString()).toList());
    }
    assertThat(sha256(earlier.packages().get(0).file())).isEqualTo(before);
  }

  /** A package whose content breaks after the first regular file. */
  private record FailingPackage(KernelPackage source) implements KernelPackage {
    @Override
    public Path path() {
      return source.path();
    }

    @Override
    public PackageFormat format() {
      return source.format();
    }

    @Override
    public PackageInfo info() {
      return source.info();
    }

    @Override
    public void forEachEntry(EntryVisitor visitor) throws IOException {
      int[] files = {0};
      source.forEachEntry((entry, content) -> {
        if (entry.isFile() && files[0]++ > 0) {
          visitor.visit(entry, new InputStream() {
            @Override
            public int read() throws IOException {
              throw new IOException("disk gone");
            }
          });
        } else {
          visitor.visit(entry, content);
        }
      });
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

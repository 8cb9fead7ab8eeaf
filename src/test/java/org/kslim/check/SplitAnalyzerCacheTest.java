package org.kslim.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.Progress;
import org.kslim.size.CompressorKind;
import org.kslim.size.Measure;
import org.kslim.source.deb.DebBuilder;
import org.kslim.testing.ElfBuilder;

/** A re-check of an unchanged package file reads nothing of it; any change that matters measures again. */
class SplitAnalyzerCacheTest {
  private static final String ROOT = "./lib/modules/" + SplitAnalyzerFixtures.KVER + "/kernel/";

  @TempDir Path dir;

  private final List<String> steps = new CopyOnWriteArrayList<>();
  private final Progress recording = (what, items, bytes) -> {
    steps.add(what.split(" ")[0]);
    return Progress.Task.NONE;
  };

  @Test
  void reCheckAfterAReasonEditReadsNoPayloadAndGivesTheSameFigures() throws IOException {
    Path deb = deb(dir.resolve("kernel.deb"), 1);
    CheckRequest request = cached(deb, SplitAnalyzerFixtures.policy(dir, "1MiB"));
    SplitAnalysis first = SplitAnalyzer.analyze(request, recording);
    assertThat(steps).containsExactly("reading", "compressing");
    assertThat(dir.resolve("cache/parsed")).isDirectory();

    steps.clear();
    SplitAnalysis again = SplitAnalyzer.analyze(request.withPolicyPath(edited("the rest is optional", "(edited)")),
        recording);
    assertThat(steps).isEmpty();
    assertThat(again.sizes()).isEqualTo(first.sizes());
    assertThat(again.modules()).isEqualTo(first.modules());
    assertThat(again.split().modules("core")).isEqualTo(first.split().modules("core"));
    assertThat(SplitAnalyzer.analyze(request.withCacheDirectory(null)).sizes()).isEqualTo(first.sizes());
  }

  @Test
  void otherInputBytesAreReadAgain() throws IOException {
    Path deb = deb(dir.resolve("kernel.deb"), 1);
    CheckRequest request = cached(deb, SplitAnalyzerFixtures.policy(dir, "1MiB"));
    SplitAnalysis first = SplitAnalyzer.analyze(request);

    deb(deb, 3);
    steps.clear();
    SplitAnalysis changed = SplitAnalyzer.analyze(request, recording);
    assertThat(steps).containsExactly("reading", "compressing");
    assertThat(changed.sizes().get("optional").get(Measure.INSTALLED))
        .isGreaterThan(first.sizes().get("optional").get(Measure.INSTALLED));
    assertThat(changed.sizes()).isEqualTo(SplitAnalyzer.analyze(request.withCacheDirectory(null)).sizes());
  }

  @Test
  void aPolicyPlacingFilesElsewhereMeasuresAgainFromTheCachedParse() throws IOException {
    CheckRequest request = checkedOnce();

    SplitAnalysis analysis = measuredAgainFromTheCachedParse(
        request.withPolicyPath(edited("drivers/gpu/.*: optional", "drivers/gpu/.*: core")));
    assertThat(analysis.split().modules("core")).contains("kernel/drivers/gpu/drm/drm.ko");
  }

  @Test
  void otherCompressorSettingsCompressAgain() throws IOException {
    CheckRequest request = checkedOnce();

    SplitAnalysis analysis = measuredAgainFromTheCachedParse(
        request.withPolicyPath(edited("budgets:", "compression: {target: rpm, payload: zstd, level: 3}\nbudgets:")));
    assertThat(analysis.sizes().get("core").compressor().label()).contains("zstd");
  }

  @Test
  void aCorruptParseIsReportedAndReadAgain() throws IOException {
    Path deb = deb(dir.resolve("kernel.deb"), 1);
    CheckRequest request = cached(deb, SplitAnalyzerFixtures.policy(dir, "1MiB"));
    SplitAnalysis first = SplitAnalyzer.analyze(request);
    try (Stream<Path> files = Files.walk(dir.resolve("cache/parsed"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 7));
      }
    }

    steps.clear();
    SplitAnalysis again = SplitAnalyzer.analyze(request, recording);
    assertThat(steps).contains("reading");
    assertThat(again.warnings()).anyMatch(w -> w.startsWith("ignoring corrupt parse cache entry"));
    assertThat(again.sizes()).isEqualTo(first.sizes());
  }

  /** Checks {@code changed}: modules from the parse cache, payloads measured again, as without any cache. */
  private SplitAnalysis measuredAgainFromTheCachedParse(CheckRequest changed) {
    steps.clear();
    SplitAnalysis analysis = SplitAnalyzer.analyze(changed, recording);
    assertThat(steps).containsExactly("measuring", "compressing");
    assertThat(analysis.sizes()).isEqualTo(SplitAnalyzer.analyze(changed.withCacheDirectory(null)).sizes());
    return analysis;
  }

  /** A request on the fixture package, checked once to fill the cache. */
  private CheckRequest checkedOnce() throws IOException {
    CheckRequest request = cached(deb(dir.resolve("kernel.deb"), 1), SplitAnalyzerFixtures.policy(dir, "1MiB"));
    SplitAnalyzer.analyze(request);
    return request;
  }

  private CheckRequest cached(Path deb, Path policy) {
    return CheckRequest.of(deb, policy).withCompressor(CompressorKind.BUILT_IN).withCacheDirectory(dir.resolve("cache"));
  }

  private Path edited(String from, String to) throws IOException {
    Path edited = dir.resolve("edited-" + Math.abs((from + to).hashCode()) + ".yaml");
    String text = Files.readString(SplitAnalyzerFixtures.policy(dir, "1MiB"));
    assertThat(text).contains(from);
    Files.writeString(edited, text.replace(from, to));
    return edited;
  }

  /** A .deb of the fixture kernel whose GPU driver exports {@code exports} symbols. */
  private static Path deb(Path file, int exports) throws IOException {
    ElfBuilder drm = ElfBuilder.x86_64().modinfo("license=GPL");
    for (int i = 0; i < exports; i++) {
      drm.export("drm_symbol_" + i, i);
    }
    return new DebBuilder()
        .directory("./lib/").directory("./lib/modules/").directory("./lib/modules/" + SplitAnalyzerFixtures.KVER + "/")
        .file(ROOT + "drivers/block/virtio_blk.ko",
            ElfBuilder.x86_64().modinfo("alias=virtio:d00000002v*").needs("virtqueue_add", 1).build())
        .file(ROOT + "drivers/virtio/virtio_ring.ko", ElfBuilder.x86_64().export("virtqueue_add", 1).build())
        .file(ROOT + "drivers/gpu/drm/drm.ko", drm.build())
        .file("./boot/vmlinuz-" + SplitAnalyzerFixtures.KVER, new byte[10_000])
        .write(file);
  }
}

package org.kslim.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.Progress;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.size.Measure;
import org.kslim.source.Compression;

class ModuleCompressionWhatIfTest {
  private static final List<Compression> CHOICES = List.of(Compression.NONE, Compression.XZ, Compression.ZSTD);

  @TempDir static Path dir;
  private static SplitAnalysis analysis;
  private static CheckRequest request;
  private static List<ModuleCompressionChoice> estimated;
  private static List<ModuleCompressionChoice> exact;
  private static final List<String> warnings = new ArrayList<>();

  @BeforeAll
  static void evaluate() throws IOException {
    request = CheckRequest.of(DecideFixtures.tree(dir), DecideFixtures.policy(dir, "1MiB"))
        .withCacheDirectory(dir.resolve("cache"));
    analysis = SplitAnalyzer.analyze(request, true);
    estimated = ModuleCompressionWhatIf.evaluate(analysis, request, CHOICES, false, Progress.NONE, warnings::add);
    exact = ModuleCompressionWhatIf.evaluate(analysis, request, CHOICES, true, Progress.NONE, warnings::add);
  }

  @Test
  void listsThePackageAsItIsThenEachChoiceForEveryPackage() {
    assertThat(estimated).extracting(ModuleCompressionChoice::name).containsExactly("as-is", "none", "xz", "zstd");
    assertThat(estimated.get(2).how()).startsWith("xz --check=crc32 --lzma2=dict=1MiB");
    ModuleCompressionChoice asIs = estimated.get(0);
    assertThat(asIs.get("core").installed()).isEqualTo(analysis.sizes().get("core").get(Measure.INSTALLED));
    assertThat(asIs.get("core").compressed()).isEqualTo(analysis.sizes().get("core").get(Measure.COMPRESSED));
    assertThat(estimated.get(1).packages()).extracting(ModuleCompressionChoice.Figures::pkg)
        .containsExactlyElementsOf(asIs.packages().stream().map(ModuleCompressionChoice.Figures::pkg).toList());
    assertThat(warnings).isEmpty();
  }

  @Test
  void uncompressedModulesOfAnUncompressedTreeChangeNothing() {
    ModuleCompressionChoice asIs = estimated.get(0);
    for (ModuleCompressionChoice table : List.of(estimated.get(1), exact.get(1))) {
      assertThat(table.get("core").installed()).isEqualTo(asIs.get("core").installed());
      assertThat(table.get("core").compressed()).isCloseTo(asIs.get("core").compressed(),
          org.assertj.core.data.Offset.offset(1L));
    }
  }

  @Test
  void compressingModulesShrinksInstalledExactlyAsMeasuredAndTheEstimateHoldsTheExactFigure() {
    for (int choice = 2; choice < CHOICES.size() + 1; choice++) {
      for (ModuleCompressionChoice.Figures guess : estimated.get(choice).packages()) {
        ModuleCompressionChoice.Figures real = exact.get(choice).get(guess.pkg());
        assertThat(guess.installed()).as(guess.pkg()).isEqualTo(real.installed());
        assertThat(real.compressedBound()).isZero();
        assertThat(Math.abs(guess.compressed() - real.compressed())).as(guess.pkg())
            .isLessThanOrEqualTo(guess.compressedBound());
      }
      assertThat(exact.get(choice).get("core").installed()).isLessThan(estimated.get(0).get("core").installed());
    }
  }
}

package org.kslim.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.policy.PolicyReader;
import org.kslim.size.Measure;

class SuggesterTest {
  @TempDir Path dir;

  @Test
  void ranksFittingMovesSmallestFirstAndAppliesTheFirstAsRulesThatPassCheck() throws IOException {
    Path tree = DecideFixtures.tree(dir);
    long core = SplitAnalyzer.analyze(CheckRequest.of(tree, DecideFixtures.policy(dir, "1MiB")))
        .sizes().get("core").get(Measure.INSTALLED);
    Path policy = DecideFixtures.policy(dir, Long.toString(core - 25_000));
    WhatIf whatIf = new WhatIf(SplitAnalyzer.analyze(CheckRequest.of(tree, policy), true));
    assertThat(whatIf.analysis().passed()).isFalse();

    List<Suggestion> ranked = new Suggester(whatIf).suggest("core", null);

    assertThat(ranked).allMatch(Suggestion::fits).allMatch(s -> s.outcome().acceptable());
    assertThat(ranked.get(0).selectors()).extracting(Selector::text).containsExactly("kernel/sound");
    assertThat(ranked).extracting(s -> s.outcome().moved().size()).isSorted();
    assertThat(ranked).extracting(s -> s.selectors().get(0).text())
        .contains("kernel/drivers/gpu", "kernel/drivers/gpu/i915")
        .doesNotContain("kernel/drivers/gpu/drm", "kernel/drivers/block", "kernel");
    assertThat(ranked.get(1).largest()).startsWith(DecideFixtures.I915);

    Suggestion first = ranked.get(0);
    Path edited = dir.resolve("edited.yaml");
    Files.writeString(edited, PolicyEdit.apply(Files.readString(policy), whatIf, first.selectors(), "core",
        first.outcome().to().orElseThrow(), "saves the sound driver (2026-11-26)"));
    assertThat(PolicyReader.read(edited).rules()).hasSize(whatIf.analysis().policy().rules().size() + 1)
        .anySatisfy(r -> assertThat(r.reason()).contains("saves the sound driver (2026-11-26)"));
    SplitAnalysis after = SplitAnalyzer.analyze(CheckRequest.of(tree, edited));
    assertThat(after.passed()).isTrue();
    assertThat(after.split().packageOf(DecideFixtures.SOUND)).isEqualTo("optional");
    assertThat(after.sizes().get("core").get(Measure.INSTALLED)).isEqualTo(first.outcome().change("core").after(Measure.INSTALLED));
    assertThat(Files.readString(edited).lines()
        .filter(line -> !line.contains("(?=sound/)") && !line.contains("saves the sound driver")))
        .containsExactlyElementsOf(Files.readString(policy).lines().toList());
  }

  @Test
  void findsTheSmallestFittingSetsWhenNoSingleMoveFitsAndNeverPairsNestedFolders() throws IOException {
    Path tree = DecideFixtures.tree(dir);
    long core = SplitAnalyzer.analyze(CheckRequest.of(tree, DecideFixtures.policy(dir, "1MiB")))
        .sizes().get("core").get(Measure.INSTALLED);
    WhatIf whatIf = new WhatIf(SplitAnalyzer.analyze(CheckRequest.of(tree,
        DecideFixtures.policy(dir, Long.toString(core - 60_000))), true));

    List<Suggestion> ranked = new Suggester(whatIf).suggest("core", null);

    // sound (30 kB) with any one of the three ways of naming the graphics stack (40 kB): three pairs
    assertThat(ranked).hasSize(3).allSatisfy(s -> {
      assertThat(s.fits()).isTrue();
      assertThat(s.outcome().acceptable()).isTrue();
      assertThat(s.selectors()).hasSize(2).extracting(Selector::text).contains("kernel/sound");
      assertThat(s.outcome().moved()).contains(DecideFixtures.SOUND, DecideFixtures.I915);
    });
    assertThat(ranked).flatExtracting(Suggestion::selectors).extracting(Selector::text)
        .contains("kernel/drivers/gpu", "kernel/drivers/gpu/i915");
  }

  @Test
  void combinesTheLargestSavingsWhenNoSetOfThreeFits() throws IOException {
    Path tree = DecideFixtures.tree(dir);
    WhatIf whatIf = new WhatIf(SplitAnalyzer.analyze(CheckRequest.of(tree,
        DecideFixtures.policy(dir, "1000")), true));

    List<Suggestion> ranked = new Suggester(whatIf).suggest("core", null);

    assertThat(ranked).singleElement().satisfies(s -> {
      assertThat(s.fits()).isFalse();
      assertThat(s.excess()).containsKey(Measure.INSTALLED);
      assertThat(s.outcome().moved()).contains(DecideFixtures.SOUND, DecideFixtures.I915);
    });
  }
}

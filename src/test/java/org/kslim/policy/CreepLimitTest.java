package org.kslim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.kslim.BadInputException;
import org.kslim.size.Measure;

class CreepLimitTest {
  private static final String POLICY = """
      kslim: 1
      packages:
        - name: core
      budgets:
        core:
          installed: 60MiB
          per-release: {installed: 1MiB, compressed: 2%}
          window: {releases: 5, installed: 2.5%}
      """;

  @Test
  void budgetsSayHowMuchAPackageMayGrowPerReleaseAndOverAWindow() {
    Policy policy = PolicyReader.read(POLICY, "p.yaml");

    assertThat(policy.budget("core", Measure.INSTALLED)).hasValue(60L << 20);
    assertThat(policy.creepLimits()).containsExactly(
        new CreepLimit("core", Measure.INSTALLED, 1, Growth.amount(1L << 20), new Location("p.yaml", 7)),
        new CreepLimit("core", Measure.COMPRESSED, 1, Growth.percent(new BigDecimal("2")), new Location("p.yaml", 7)),
        new CreepLimit("core", Measure.INSTALLED, 5, Growth.percent(new BigDecimal("2.5")), new Location("p.yaml", 8)));
  }

  @Test
  void aLimitIsBreachedByGrowingMoreThanItAllows() {
    CreepLimit percent = new CreepLimit("core", Measure.INSTALLED, 3, Growth.percent(new BigDecimal("2")), new Location("p", 1));

    assertThat(percent.breached(1000, 1020)).isFalse();
    assertThat(percent.breached(1000, 1021)).isTrue();
    assertThat(percent.breached(1000, 500)).isFalse();
    assertThat(percent).hasToString("core installed: at most +2% over 3 releases");
    assertThat(new CreepLimit("core", Measure.FILES, 1, Growth.amount(3), new Location("p", 1)))
        .hasToString("core files: at most +3 per release");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      window: {installed: 2%}                | p.yaml:6: a window needs 'releases'
      window: {releases: 1, installed: 2%}   | p.yaml:6: releases must be a whole number of at least 2: 1
      per-release: {installed: two%}         | p.yaml:6: malformed percentage 'two%'
      per-release: {installd: 2%}            | p.yaml:6: unknown measure 'installd'
      per-release: {installed: 2 MiBs}       | p.yaml:6: malformed size '2 MiBs'
      """)
  void malformedLimitsNameFileAndLine(String limit, String message) {
    String yaml = "kslim: 1\npackages:\n  - name: core\nbudgets:\n  core:\n    " + limit + "\n";
    assertThatThrownBy(() -> PolicyReader.read(yaml, "p.yaml"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(message);
  }
}

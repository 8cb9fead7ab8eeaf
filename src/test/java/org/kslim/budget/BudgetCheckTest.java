package org.kslim.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kslim.size.CompressorDescription;
import org.kslim.size.Measure;
import org.kslim.size.PackageSizes;
import org.kslim.size.PayloadFormat;
import org.kslim.size.SizeSheet;
import org.kslim.policy.Location;
import org.kslim.policy.Waiver;

class BudgetCheckTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final SizeSheet SHEET = new SizeSheet(List.of(sizes("core", 1000), sizes("extra", 5000)));

  private static PackageSizes sizes(String name, long compressed) {
    Map<Measure, Long> measures = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      measures.put(m, m == Measure.COMPRESSED ? compressed : 10L);
    }
    return new PackageSizes(name, PayloadFormat.DEB, measures, compressed * 4,
        new CompressorDescription("xz", 6, "xz", "5.4.1", 2, 25165824), List.of());
  }

  private static Waiver waiver(long allow, LocalDate expires) {
    return new Waiver("core", Measure.COMPRESSED, allow, "nvme-tcp for the storage rollout", "kernel-team", expires, new Location("policy.yaml", 12));
  }

  @Test
  void passesWithinBudgetAndReportsHeadroom() {
    BudgetCheck check = BudgetCheck.of(SHEET, List.of(new Budget("core", Measure.COMPRESSED, 1250)), List.of(), TODAY);

    Verdict v = check.verdicts().get(0);
    assertThat(check.pass()).isTrue();
    assertThat(v.actual()).isEqualTo(1000);
    assertThat(v.headroom()).isEqualTo(250);
    assertThat(v.headroomPercent()).isEqualTo(20.0);
    assertThat(v.waiver()).isEmpty();
  }

  @Test
  void failsOverBudgetWithNegativeHeadroom() {
    BudgetCheck check = BudgetCheck.of(SHEET, List.of(new Budget("core", Measure.COMPRESSED, 800),
        new Budget("extra", Measure.FILES, 10)), List.of(), TODAY);

    assertThat(check.pass()).isFalse();
    assertThat(check.failures()).singleElement().satisfies(v -> {
      assertThat(v.pkg()).isEqualTo("core");
      assertThat(v.headroom()).isEqualTo(-200);
      assertThat(v.headroomPercent()).isEqualTo(-25.0);
    });
  }

  @Test
  void activeWaiverRaisesTheLimitAndTheMostGenerousApplies() {
    Waiver small = waiver(100, TODAY.plusDays(30));
    Waiver large = waiver(300, TODAY);
    BudgetCheck check = BudgetCheck.of(SHEET, List.of(new Budget("core", Measure.COMPRESSED, 800)),
        List.of(small, large), TODAY);

    Verdict v = check.verdicts().get(0);
    assertThat(check.pass()).isTrue();
    assertThat(v.waiver()).contains(large);
    assertThat(v.waiver().orElseThrow().expires()).isEqualTo(TODAY);
    assertThat(v.limit()).isEqualTo(1100);
    assertThat(v.headroom()).isEqualTo(100);
    assertThat(check.expiredWaivers()).isEmpty();
  }

  @Test
  void expiredWaiverStopsApplyingAndIsReported() {
    Waiver expired = waiver(300, TODAY.minusDays(1));
    Waiver otherPackage = new Waiver("gone", Measure.INSTALLED, 1, "old", "me", TODAY.minusYears(1), new Location("policy.yaml", 20));
    BudgetCheck check = BudgetCheck.of(SHEET, List.of(new Budget("core", Measure.COMPRESSED, 800)),
        List.of(expired, otherPackage), TODAY);

    Verdict v = check.verdicts().get(0);
    assertThat(check.pass()).isFalse();
    assertThat(v.waiver()).isEmpty();
    assertThat(v.expired()).containsExactly(expired);
    assertThat(check.expiredWaivers()).containsExactly(expired, otherPackage);
  }

  @Test
  void packageWithoutFilesMeasuresZeroAndDuplicateBudgetsAreRejected() {
    Budget empty = new Budget("firmware", Measure.INSTALLED, 0);
    BudgetCheck check = BudgetCheck.of(SHEET, List.of(empty), List.of(), TODAY);
    assertThat(check.verdicts().get(0).actual()).isZero();
    assertThat(check.verdicts().get(0).headroomPercent()).isZero();
    assertThat(check.pass()).isTrue();

    assertThatThrownBy(() -> BudgetCheck.of(SHEET, List.of(empty, new Budget("firmware", Measure.INSTALLED, 5)),
        List.of(), TODAY)).isInstanceOf(IllegalArgumentException.class).hasMessage("two budgets for firmware installed");
    assertThatThrownBy(() -> new Budget("core", Measure.DISK, -1)).hasMessageContaining("-1");
  }
}

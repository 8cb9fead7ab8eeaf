package org.kslim.budget;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kslim.size.SizeSheet;
import org.kslim.policy.Waiver;

/**
 * Every budget held against the measured sizes, with waivers applied as of a given day.
 *
 * <pre>{@code
 * BudgetCheck check = BudgetCheck.of(sheet, budgets, waivers, LocalDate.now(ZoneOffset.UTC));
 * if (!check.pass()) throw new CheckFailedException(check.failures().size() + " budgets exceeded");
 * }</pre>
 *
 * @param verdicts one per budget, in the order the budgets were given
 * @param expiredWaivers every waiver that no longer applies, whether or not its package was measured
 */
public record BudgetCheck(List<Verdict> verdicts, List<Waiver> expiredWaivers) {
  public BudgetCheck {
    verdicts = List.copyOf(verdicts);
    expiredWaivers = List.copyOf(expiredWaivers);
  }

  /**
   * Holds each budget against {@code sheet}; a package the sheet lacks holds no files and
   * measures 0. An active waiver raises its budget's limit by its allowance (the most generous
   * one when several apply); waivers past their expiry date are listed and do not apply.
   */
  public static BudgetCheck of(SizeSheet sheet, List<Budget> budgets, List<Waiver> waivers, LocalDate today) {
    Set<String> seen = new HashSet<>();
    List<Verdict> verdicts = new ArrayList<>();
    for (Budget budget : budgets) {
      if (!seen.add(budget.pkg() + "\0" + budget.measure())) {
        throw new IllegalArgumentException("two budgets for " + budget.pkg() + " " + budget.measure().key());
      }
      long actual = sheet.find(budget.pkg()).map(p -> p.get(budget.measure())).orElse(0L);
      List<Waiver> covering = waivers.stream().filter(w -> w.pkg().equals(budget.pkg()) && w.measure() == budget.measure()).toList();
      Optional<Waiver> active = covering.stream().filter(w -> w.activeOn(today))
          .max(Comparator.comparingLong(Waiver::allow));
      List<Waiver> expired = covering.stream().filter(w -> !w.activeOn(today)).toList();
      verdicts.add(new Verdict(budget.pkg(), budget.measure(), budget.limit(), actual, active, expired));
    }
    return new BudgetCheck(verdicts, waivers.stream().filter(w -> !w.activeOn(today)).toList());
  }

  /** Whether every budget holds. */
  public boolean pass() {
    return verdicts.stream().allMatch(Verdict::pass);
  }

  /** The verdicts that fail. */
  public List<Verdict> failures() {
    return verdicts.stream().filter(v -> !v.pass()).toList();
  }
}

package org.kslim.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kslim.UsageException;
import org.kslim.size.FileSizes;
import org.kslim.size.Measure;
import org.kslim.split.Placement;

/**
 * Finds moves that bring a package under its budget in every measure: each directory holding its
 * modules and each rule placing modules in it is a candidate; candidates that would break a kept
 * module or move a {@code require:}d one are never offered. The smallest sets come first: single
 * candidates that fit, fewest modules first; when none fits alone, every pair, then every triple,
 * of the {@value #TOP} candidates saving most (a set whose members contain one another is
 * skipped), fitting sets fewest modules first; when no such set fits, the largest savings are
 * combined until the package fits, or as near as they get.
 *
 * <pre>{@code
 * List<Suggestion> ranked = new Suggester(whatIf).suggest("modules-core", null);
 * ranked.get(0).fits();
 * }</pre>
 */
public final class Suggester {
  private static final int LARGEST = 5;
  private static final int MAX_FITTING = 20;
  /** How many of the largest savings the search combines. */
  static final int TOP = 12;
  /** The largest set the search tries: C(12, 3) = 220 what-ifs at most. */
  private static final int MAX_SET = 3;

  private final WhatIf whatIf;
  private final ModuleFiles files;

  public Suggester(WhatIf whatIf) {
    this.whatIf = whatIf;
    this.files = new ModuleFiles(whatIf.analysis().sizes());
  }

  /**
   * Ranked suggestions for {@code fit}, best first; the first one fits unless nothing does.
   *
   * @param to the receiving package, {@link WhatIf#NONE}, or null for the nearest above {@code fit}
   */
  public List<Suggestion> suggest(String fit, String to) {
    Map<Measure, Long> budget = whatIf.analysis().policy().budgets().getOrDefault(fit, Map.of());
    if (budget.isEmpty()) {
      throw new UsageException("the policy sets no budget for " + fit);
    }
    return suggest(fit, to, budget);
  }

  /** As {@link #suggest(String, String)} against {@code budget} (limits by measure) instead of the policy's. */
  public List<Suggestion> suggest(String fit, String to, Map<Measure, Long> budget) {
    List<Suggestion> candidates = new ArrayList<>();
    for (Selector selector : candidates(fit)) {
      WhatIfOutcome outcome = whatIf.evaluate(List.of(selector), fit, to);
      if (outcome.acceptable()) {
        candidates.add(suggestion(List.of(selector), outcome, budget));
      }
    }
    List<Suggestion> fitting = ranked(candidates.stream().filter(Suggestion::fits).toList(), fit);
    List<Suggestion> top = candidates.stream()
        .sorted(Comparator.comparingLong((Suggestion s) -> -saving(s.outcome(), fit))).limit(TOP).toList();
    for (int size = 2; size <= MAX_SET && fitting.isEmpty(); size++) {
      List<Suggestion> sets = new ArrayList<>();
      combine(top, size, 0, new ArrayList<>(), fit, to, budget, sets);
      fitting = ranked(sets, fit);
    }
    return fitting.isEmpty() ? List.of(combined(candidates, fit, to, budget)) : fitting;
  }

  private static List<Suggestion> ranked(List<Suggestion> fitting, String fit) {
    return fitting.stream()
        .sorted(Comparator.comparingInt((Suggestion s) -> s.outcome().moved().size())
            .thenComparing(s -> -saving(s.outcome(), fit)))
        .limit(MAX_FITTING).toList();
  }

  /** Adds to {@code fitting} every set of {@code size} of {@code top}, from {@code from} on, that fits. */
  private void combine(List<Suggestion> top, int size, int from, List<Suggestion> chosen, String fit, String to,
      Map<Measure, Long> budget, List<Suggestion> fitting) {
    if (chosen.size() == size) {
      List<Selector> selectors = chosen.stream().flatMap(s -> s.selectors().stream()).toList();
      WhatIfOutcome outcome = whatIf.evaluate(selectors, fit, to);
      Suggestion set = suggestion(selectors, outcome, budget);
      if (outcome.acceptable() && set.fits()) {
        fitting.add(set);
      }
      return;
    }
    for (int i = from; i < top.size(); i++) {
      Suggestion next = top.get(i);
      if (chosen.stream().noneMatch(c -> nested(c, next))) {
        chosen.add(next);
        combine(top, size, i + 1, chosen, fit, to, budget, fitting);
        chosen.remove(chosen.size() - 1);
      }
    }
  }

  /** True when one of the two moves holds every module of the other: together they are no set. */
  private static boolean nested(Suggestion a, Suggestion b) {
    return a.outcome().moved().containsAll(b.outcome().moved()) || b.outcome().moved().containsAll(a.outcome().moved());
  }

  /** The largest savings combined, in turn, until the package fits or no candidate is left. */
  private Suggestion combined(List<Suggestion> candidates, String fit, String to, Map<Measure, Long> budget) {
    List<Suggestion> bySaving = candidates.stream()
        .sorted(Comparator.comparingLong((Suggestion s) -> -saving(s.outcome(), fit))).toList();
    List<Selector> chosen = new ArrayList<>();
    Set<String> moved = new TreeSet<>();
    Optional<Suggestion> best = Optional.empty();
    for (Suggestion next : bySaving) {
      if (moved.containsAll(next.outcome().moved())) {
        continue;
      }
      List<Selector> trial = new ArrayList<>(chosen);
      trial.addAll(next.selectors());
      WhatIfOutcome outcome = whatIf.evaluate(trial, fit, to);
      if (!outcome.acceptable()) {
        continue;
      }
      chosen = trial;
      moved.addAll(outcome.moved());
      best = Optional.of(suggestion(chosen, outcome, budget));
      if (best.get().fits()) {
        break;
      }
    }
    return best.orElseThrow(() -> new UsageException("no directory or rule of " + fit + " can move without "
        + "breaking a kept module or a requirement"));
  }

  private static long saving(WhatIfOutcome outcome, String fit) {
    return -outcome.change(fit).delta(Measure.INSTALLED);
  }

  private Suggestion suggestion(List<Selector> selectors, WhatIfOutcome outcome, Map<Measure, Long> budget) {
    SizeChange change = outcome.change(outcome.from());
    Map<Measure, Long> excess = new EnumMap<>(Measure.class);
    budget.forEach((measure, limit) -> excess.put(measure, change.after(measure) - limit));
    List<String> largest = outcome.moved().stream()
        .sorted(Comparator.comparingLong((String m) -> -files.of(m).map(FileSizes::installed).orElse(0L)))
        .limit(LARGEST).toList();
    return new Suggestion(selectors, outcome, largest, excess);
  }

  /** Every directory holding modules of {@code fit}, and every rule that placed modules there. */
  private List<Selector> candidates(String fit) {
    Set<String> texts = new LinkedHashSet<>();
    for (Placement p : whatIf.analysis().split().placements().values()) {
      if (!p.pkg().equals(fit)) {
        continue;
      }
      if (p.move().isEmpty()) {
        p.rule().filter(r -> !r.isDefault()).ifPresent(r -> texts.add(r.where().toString()));
      }
      for (int slash = p.module().indexOf('/'); slash > 0; slash = p.module().indexOf('/', slash + 1)) {
        texts.add(p.module().substring(0, slash));
      }
    }
    return texts.stream().map(Selector::new).toList();
  }
}

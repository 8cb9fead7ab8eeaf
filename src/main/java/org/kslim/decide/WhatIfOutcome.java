package org.kslim.decide;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What moving modules out of a package would do: which move (those selected and those only they
 * needed), where to, every package's size change, and what would break.
 *
 * <pre>{@code
 * WhatIfOutcome o = whatIf.evaluate(List.of(new Selector("kernel/drivers/gpu")), "modules-core", null);
 * o.moved();                                   // sorted module paths
 * o.change("modules-core").delta(Measure.INSTALLED);
 * o.acceptable();                              // nothing breaks, no requirement refuses
 * }</pre>
 *
 * @param to the receiving package; empty when the modules are dropped
 * @param selected the modules of {@code from} the selectors name
 * @param heldBack the selected modules that stay because a staying module needs them
 * @param moved {@code selected} but those held back, and every module of {@code from} only they
 *     needed, sorted
 * @param changes every active package's change, in declaration order
 */
public record WhatIfOutcome(String from, Optional<String> to, List<String> selected, List<HeldBack> heldBack,
    List<String> moved,
    List<SizeChange> changes, List<Breakage> breaks, List<Refusal> refusals) {
  public WhatIfOutcome {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    selected = List.copyOf(selected);
    heldBack = List.copyOf(heldBack);
    moved = List.copyOf(moved);
    changes = List.copyOf(changes);
    breaks = List.copyOf(breaks);
    refusals = List.copyOf(refusals);
  }

  /** The change of {@code pkg}; fails naming the packages when it is not one. */
  public SizeChange change(String pkg) {
    return changes.stream().filter(c -> c.pkg().equals(pkg)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no package " + pkg + " (packages: "
            + changes.stream().map(SizeChange::pkg).toList() + ")"));
  }

  /** True when no kept module loses what it needs and no requirement refuses the move. */
  public boolean acceptable() {
    return breaks.isEmpty() && refusals.isEmpty();
  }
}

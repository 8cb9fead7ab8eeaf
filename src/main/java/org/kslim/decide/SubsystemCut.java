package org.kslim.decide;

import java.util.Objects;

/**
 * Moving one subsystem (a folder such as {@code drivers/net}) out of the core package, as a
 * what-if answered it.
 *
 * <pre>{@code
 * SubsystemCut cut = SubsystemCuts.largest(analysis, 10).get(0);
 * cut.subsystem();                                           // "drivers/gpu"
 * cut.outcome().change(cut.outcome().from()).delta(Measure.INSTALLED);
 * }</pre>
 *
 * @param subsystem the folder under {@code kernel/}, at most two levels deep
 * @param selector the selector that names it ({@code kernel/} and the folder)
 */
public record SubsystemCut(String subsystem, Selector selector, WhatIfOutcome outcome) {
  public SubsystemCut {
    Objects.requireNonNull(subsystem, "subsystem");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(outcome, "outcome");
  }
}

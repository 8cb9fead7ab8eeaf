package org.kslim.decide;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kslim.size.Measure;

/**
 * One set of selectors whose move out of a package was weighed against its budget.
 *
 * <pre>{@code
 * Suggestion s = suggestions.get(0);
 * s.selectors();                    // [kernel/drivers/gpu]
 * s.outcome().moved().size();       // modules it moves
 * s.largest();                      // its largest modules, largest first
 * s.fits();                         // under every budget of the package afterwards
 * s.excess();                       // per measure, how far over its budget the package stays
 * }</pre>
 *
 * @param excess for each budgeted measure still over its limit afterwards, by how much
 */
public record Suggestion(List<Selector> selectors, WhatIfOutcome outcome, List<String> largest, Map<Measure, Long> excess) {
  public Suggestion {
    selectors = List.copyOf(selectors);
    Objects.requireNonNull(outcome, "outcome");
    largest = List.copyOf(largest);
    Map<Measure, Long> over = new EnumMap<>(Measure.class);
    excess.forEach((measure, bytes) -> {
      if (bytes > 0) {
        over.put(measure, bytes);
      }
    });
    excess = Map.copyOf(over);
  }

  public boolean fits() {
    return excess.isEmpty();
  }
}

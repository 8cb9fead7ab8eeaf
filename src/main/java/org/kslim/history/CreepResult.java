package org.kslim.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kslim.policy.CreepLimit;

/**
 * The policy's creep limits held against a build and the recorded builds before it.
 *
 * <pre>{@code
 * CreepResult result = CreepCheck.check(store, build, policy.creepLimits());
 * result.passed();                 // no limit breached
 * result.breach(limit);            // the breach of one limit, if it was breached
 * }</pre>
 *
 * @param limits every limit held, in the policy's order
 * @param breaches the limits breached, in the same order
 * @param newestEarlier the newest recorded build before this one; empty when there is none, so
 *     nothing could be breached
 */
public record CreepResult(List<CreepLimit> limits, List<CreepBreach> breaches, Optional<BuildInfo> newestEarlier) {
  public CreepResult {
    limits = List.copyOf(limits);
    breaches = List.copyOf(breaches);
    Objects.requireNonNull(newestEarlier, "newestEarlier");
  }

  public boolean passed() {
    return breaches.isEmpty();
  }

  /** The breach of {@code limit}, if it was breached. */
  public Optional<CreepBreach> breach(CreepLimit limit) {
    return breaches.stream().filter(b -> b.limit().equals(limit)).findFirst();
  }
}

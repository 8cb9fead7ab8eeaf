package org.kslim.history;

import java.util.Objects;
import java.util.Optional;

/**
 * A rule whose reason differs between the policies of two builds, or that only one of them has.
 *
 * <pre>{@code
 * new ReasonChange("drivers/gpu/.*", "modules", Optional.of("no display"), Optional.of("no display in a guest"));
 * }</pre>
 *
 * @param rule the matcher as written, which pairs the rules
 * @param pkg the package the new rule (else the old) names
 * @param oldReason empty when the old policy has no such rule
 * @param newReason empty when the new policy has no such rule
 */
public record ReasonChange(String rule, String pkg, Optional<String> oldReason, Optional<String> newReason) {
  public ReasonChange {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(oldReason, "oldReason");
    Objects.requireNonNull(newReason, "newReason");
  }
}

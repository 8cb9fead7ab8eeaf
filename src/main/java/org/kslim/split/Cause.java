package org.kslim.split;

import java.util.Objects;
import java.util.Optional;
import org.kslim.policy.Rule;

/**
 * One link of a move's chain: a module whose placement forced the move, how it is related to the
 * moved module, the package it sits in and the rule that put it there.
 *
 * <pre>{@code
 * Cause c = move.chain().get(0);
 * c.module();     // "kernel/drivers/md/md-cluster.ko"
 * c.relation();   // NEEDS_IT: md-cluster needs the moved dlm
 * c.rule();       // Optional[drivers/md/.* -> modules-core (def_variants.yaml.fedora:139)]
 * }</pre>
 *
 * @param rule the rule that placed {@code module}; empty when no rule and no default selects it
 */
public record Cause(String module, Relation relation, String pkg, Optional<Rule> rule) {
  /** How the cause relates to the module it moved. */
  public enum Relation {
    /** The cause needs the moved module, so the moved one had to sit in or below its package. */
    NEEDS_IT,
    /** The moved module needs the cause, so it had to sit in or above the cause's package. */
    NEEDED_BY_IT
  }

  public Cause {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(rule, "rule");
  }

  /** {@code "needed by kernel/drivers/md/md-cluster.ko in modules-core (rule drivers/md/.* ...: reason)"}. */
  @Override
  public String toString() {
    String how = relation == Relation.NEEDS_IT ? "needed by " : "needs ";
    return how + module + " in " + pkg + rule.map(r -> " (rule " + r + r.reason().map(reason -> ": " + reason).orElse("") + ")")
        .orElse(" (no rule)");
  }
}

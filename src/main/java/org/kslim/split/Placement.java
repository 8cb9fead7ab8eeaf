package org.kslim.split;

import java.util.Objects;
import java.util.Optional;
import org.kslim.policy.Rule;

/**
 * Where one module sits and why: the rule that selected it (with its reason) and, when
 * dependencies pulled it elsewhere, the move.
 *
 * <pre>{@code
 * Placement p = split.explain("kernel/drivers/block/virtio_blk.ko");
 * p.pkg();                                   // "modules-core"
 * p.rule().flatMap(Rule::reason);            // Optional[root disk on KVM]
 * p.move();                                  // Optional.empty: it sits where its rule wants
 * }</pre>
 *
 * @param rule the rule that selected the module; empty when no rule and no default does
 */
public record Placement(String module, String name, String pkg, Optional<Rule> rule, Optional<Move> move) {
  public Placement {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(move, "move");
  }
}

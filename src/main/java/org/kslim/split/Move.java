package org.kslim.split;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.kslim.policy.Rule;

/**
 * A module that ended in another package than its rule (or the default rule) wants, in either
 * direction, with the chain of modules that caused it: the first link is the neighbour that
 * forced the move, each further link what forced the previous one, when it was moved itself.
 *
 * <pre>{@code
 * Move m = split.moves().get(0);
 * m.module();   // "kernel/fs/dlm/dlm.ko"
 * m.wanted();   // "modules-extra"
 * m.actual();   // "modules-core"
 * m.chain();    // [needed by kernel/drivers/md/md-cluster.ko in modules-core (rule ...)]
 * }</pre>
 *
 * @param rule the rule that wanted the module in {@code wanted} (maybe the default rule)
 */
public record Move(String module, String name, String wanted, String actual, Rule rule, List<Cause> chain) {
  public Move {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(wanted, "wanted");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(rule, "rule");
    chain = List.copyOf(chain);
  }

  /** {@code "kernel/fs/dlm/dlm.ko moved from modules-extra to modules-core: needed by ..."}. */
  @Override
  public String toString() {
    return module + " moved from " + wanted + " (rule " + rule + ") to " + actual + ": "
        + chain.stream().map(Cause::toString).collect(Collectors.joining("; "));
  }
}

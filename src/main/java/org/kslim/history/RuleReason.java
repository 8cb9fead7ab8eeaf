package org.kslim.history;

import java.util.Objects;

/**
 * One rule of a recorded policy and why it exists.
 *
 * <pre>{@code
 * new RuleReason(3, "drivers/net/virtio_net.*", "modules-core", "every KVM guest's network");
 * }</pre>
 *
 * @param position the rule's place in the policy, from 1
 * @param rule the matcher as written ({@code drivers/gpu/.*}, {@code module:xen-*front}, {@code default})
 * @param reason empty for a Fedora rule file's rules
 */
public record RuleReason(int position, String rule, String pkg, String reason) {
  public RuleReason {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(reason, "reason");
  }
}

package org.kslim.decide;

import java.util.Objects;
import org.kslim.policy.Requirement;

/**
 * A module a move would take where a {@code require:} of the policy forbids it.
 *
 * <pre>{@code
 * Refusal r = outcome.refusals().get(0);
 * r.module();                     // "kernel/drivers/block/virtio_blk.ko"
 * r.requirement().reason();       // "root disk on KVM"
 * }</pre>
 */
public record Refusal(String module, Requirement requirement) {
  public Refusal {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(requirement, "requirement");
  }

  @Override
  public String toString() {
    return module + " is required in " + requirement.pkg() + " (" + requirement.where() + "): " + requirement.reason();
  }
}

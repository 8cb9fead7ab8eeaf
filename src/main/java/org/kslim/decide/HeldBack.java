package org.kslim.decide;

import java.util.Objects;

/**
 * A selected module that cannot leave: a module staying where it cannot see the receiving package
 * needs it, so the split would pull it back (as it pulls any module a kept one needs).
 *
 * <pre>{@code
 * HeldBack h = outcome.heldBack().get(0);
 * h.module();     // "kernel/drivers/scsi/scsi_mod.ko", stays in outcome.from()
 * h.neededBy();   // "kernel/drivers/scsi/virtio_scsi.ko", which stays in h.pkg()
 * }</pre>
 */
public record HeldBack(String module, String neededBy, String pkg) {
  public HeldBack {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(neededBy, "neededBy");
    Objects.requireNonNull(pkg, "pkg");
  }

  @Override
  public String toString() {
    return module + ", needed by " + neededBy + " (" + pkg + ")";
  }
}

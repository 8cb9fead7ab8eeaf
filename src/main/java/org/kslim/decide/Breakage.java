package org.kslim.decide;

import java.util.Objects;

/**
 * A module that stays but needs one that would move out of its reach.
 *
 * <pre>{@code
 * Breakage b = outcome.breaks().get(0);
 * b.module();   // "kernel/drivers/md/md-cluster.ko", staying in b.pkg()
 * b.needs();    // "kernel/fs/dlm/dlm.ko", which would move
 * }</pre>
 */
public record Breakage(String module, String pkg, String needs) {
  public Breakage {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(needs, "needs");
  }

  @Override
  public String toString() {
    return module + " (" + pkg + ") needs " + needs;
  }
}

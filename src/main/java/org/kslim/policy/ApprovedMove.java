package org.kslim.policy;

import java.util.Objects;

/**
 * A move into another package that a reviewer accepted: dependencies may pull {@code module}
 * (a module name, or a modules.dep path when it contains {@code /}) into {@code pkg}.
 *
 * <pre>{@code
 * ApprovedMove dlm = new ApprovedMove("dlm", "modules-core", "md-cluster needs it", "storage-team",
 *     new Location("cloud.yaml", 50));
 * dlm.covers("kernel/fs/dlm/dlm.ko", "dlm", "modules-core");   // true
 * }</pre>
 */
public record ApprovedMove(String module, String pkg, String reason, String approvedBy, Location where) {
  public ApprovedMove {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(approvedBy, "approvedBy");
    Objects.requireNonNull(where, "where");
  }

  /** Whether this approval covers the module at {@code path} named {@code name} ending in {@code target}. */
  public boolean covers(String path, String name, String target) {
    boolean same = module.indexOf('/') >= 0 ? module.equals(path) : module.replace('-', '_').equals(name);
    return same && pkg.equals(target);
  }
}

package org.kslim.history;

import java.util.Map;
import java.util.Objects;

/**
 * A module added, removed, grown or shrunk between two builds.
 *
 * <pre>{@code
 * ModuleChange ext4 = diff.modules().get(0);
 * ext4.kind();                                        // GROWN
 * ext4.sizes().get(ModuleMeasure.INSTALLED).delta();  // 4096
 * }</pre>
 *
 * @param oldPkg its package in the old build; empty when added
 * @param newPkg its package in the new build; empty when removed
 * @param sizes every module measure before and after (0 on the side that lacks it)
 */
public record ModuleChange(String path, Kind kind, String oldPkg, String newPkg, Map<ModuleMeasure, SizeChange> sizes) {
  /** What happened to the module. */
  public enum Kind { ADDED, REMOVED, GROWN, SHRUNK, CHANGED }

  public ModuleChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(oldPkg, "oldPkg");
    Objects.requireNonNull(newPkg, "newPkg");
    sizes = Map.copyOf(sizes);
  }

  /** The change of the installed bytes, by which changes are sorted. */
  public long impact() {
    return sizes.get(ModuleMeasure.INSTALLED).delta();
  }
}

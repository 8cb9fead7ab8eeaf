package org.kslim.history;

import java.util.Map;
import java.util.Objects;
import org.kslim.size.Measure;

/**
 * One split package in two builds, paired by its name with version numbers made equal.
 *
 * <pre>{@code
 * PackageChange core = diff.packages().get(0);
 * core.sizes().get(Measure.COMPRESSED).delta();
 * }</pre>
 *
 * @param key the name with version numbers as {@code *}
 * @param oldName the name in the old build; empty when the package is new
 * @param newName the name in the new build; empty when the package is gone
 * @param sizes every measure before and after (0 where the package is missing)
 */
public record PackageChange(String key, String oldName, String newName, Map<Measure, SizeChange> sizes) {
  public PackageChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(oldName, "oldName");
    Objects.requireNonNull(newName, "newName");
    sizes = Map.copyOf(sizes);
  }
}

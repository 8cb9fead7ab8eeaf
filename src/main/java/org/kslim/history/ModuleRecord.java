package org.kslim.history;

import java.util.Map;
import java.util.Objects;

/**
 * One module of a recorded build: where the split put it and its sizes.
 *
 * <pre>{@code
 * ModuleRecord m = build.modules().get(0);
 * m.sizes().get(ModuleMeasure.INSTALLED);   // bytes of the file as the package stores it
 * }</pre>
 *
 * @param path relative to {@code lib/modules/VER}, as modules.dep writes it
 * @param pkg the split package that holds it
 * @param sizes a value for every {@link ModuleMeasure}
 */
public record ModuleRecord(String path, String name, String pkg, Map<ModuleMeasure, Long> sizes) {
  public ModuleRecord {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pkg, "pkg");
    sizes = Map.copyOf(sizes);
    for (ModuleMeasure measure : ModuleMeasure.values()) {
      if (!sizes.containsKey(measure)) {
        throw new IllegalArgumentException(path + ": no value for measure " + measure.key());
      }
    }
  }

  public long size(ModuleMeasure measure) {
    return sizes.get(measure);
  }
}

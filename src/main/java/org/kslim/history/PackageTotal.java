package org.kslim.history;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.kslim.size.Measure;

/**
 * One split package's totals in a recorded build.
 *
 * <pre>{@code
 * build.packages().get(0).size(Measure.COMPRESSED);
 * }</pre>
 *
 * @param sizes a value for every {@link Measure}
 */
public record PackageTotal(String pkg, Map<Measure, Long> sizes) {
  public PackageTotal {
    Objects.requireNonNull(pkg, "pkg");
    EnumMap<Measure, Long> copy = new EnumMap<>(Measure.class);
    copy.putAll(sizes);
    for (Measure measure : Measure.values()) {
      if (!copy.containsKey(measure)) {
        throw new IllegalArgumentException(pkg + ": no value for measure " + measure.key());
      }
    }
    sizes = Map.copyOf(copy);
  }

  public long size(Measure measure) {
    return sizes.get(measure);
  }
}

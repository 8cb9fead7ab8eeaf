package org.kslim.history;

import java.util.Map;
import java.util.Objects;
import org.kslim.size.Measure;

/**
 * One package's sizes in one recorded build.
 *
 * <pre>{@code
 * HistoryPoint p = history.packages().get(0).points().get(0);
 * p.build().kernelVersion();   // "6.1.0-47-cloud-amd64"
 * p.sizes().get(Measure.INSTALLED);
 * }</pre>
 *
 * @param pkg the package's name in that build
 */
public record HistoryPoint(BuildInfo build, String pkg, Map<Measure, Long> sizes) {
  public HistoryPoint {
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(pkg, "pkg");
    sizes = Map.copyOf(sizes);
  }
}

package org.kslim.decide;

import java.util.Map;
import java.util.Objects;
import org.kslim.size.Measure;

/**
 * How one package's measures would change: the figure now, the change, and how far the change may
 * be off (0 where it is exact: files, installed).
 *
 * <pre>{@code
 * SizeChange core = outcome.change("modules-core");
 * core.delta(Measure.INSTALLED);        // e.g. -41943040, exact
 * core.delta(Measure.COMPRESSED);       // an estimate ...
 * core.bound(Measure.COMPRESSED);       // ... within this many bytes
 * core.after(Measure.INSTALLED);        // before + delta
 * }</pre>
 */
public record SizeChange(String pkg, Map<Measure, Long> before, Map<Measure, Long> delta, Map<Measure, Long> bound) {
  public SizeChange {
    Objects.requireNonNull(pkg, "pkg");
    before = Map.copyOf(before);
    delta = Map.copyOf(delta);
    bound = Map.copyOf(bound);
  }

  public long before(Measure measure) {
    return before.getOrDefault(measure, 0L);
  }

  public long delta(Measure measure) {
    return delta.getOrDefault(measure, 0L);
  }

  public long bound(Measure measure) {
    return bound.getOrDefault(measure, 0L);
  }

  public long after(Measure measure) {
    return before(measure) + delta(measure);
  }
}

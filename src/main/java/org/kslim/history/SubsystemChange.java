package org.kslim.history;

import java.util.Map;
import java.util.Objects;

/**
 * A subsystem folder's modules in two builds.
 *
 * <pre>{@code
 * SubsystemChange net = diff.subsystems().get(0);   // kernel/drivers/net, +412 KiB
 * }</pre>
 *
 * @param directory as {@code kslim inspect} groups modules ({@code kernel/drivers/net}, {@code kernel/fs})
 * @param added modules new in it
 * @param removed modules gone from it
 * @param sizes the sums of every module measure before and after
 */
public record SubsystemChange(String directory, int added, int removed, Map<ModuleMeasure, SizeChange> sizes) {
  public SubsystemChange {
    Objects.requireNonNull(directory, "directory");
    sizes = Map.copyOf(sizes);
  }

  public long impact() {
    return sizes.get(ModuleMeasure.INSTALLED).delta();
  }
}

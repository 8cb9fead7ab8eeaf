package org.kslim.split;

/**
 * How {@link SplitLists} writes module paths.
 *
 * <pre>{@code
 * SplitLists.write(split, dir, ListStyle.ABSOLUTE, "6.1.0-56-cloud-amd64", "/lib/modules");
 * }</pre>
 */
public enum ListStyle {
  /** {@code /lib/modules/VER/kernel/...}: what rpm's {@code %files -f} reads. */
  ABSOLUTE,
  /** {@code kernel/...} relative to lib/modules/VER: what filtermods.py writes. */
  RELATIVE
}

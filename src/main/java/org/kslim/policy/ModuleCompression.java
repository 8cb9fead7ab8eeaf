package org.kslim.policy;

/**
 * What happens to the compression of the module files themselves when packing.
 *
 * <pre>{@code
 * ModuleCompression.valueOf("KEEP");
 * }</pre>
 */
public enum ModuleCompression {
  /** Modules stay as the input package has them. */
  KEEP,
  /** Modules are stored uncompressed ({@code .ko}). */
  NONE,
  /** Modules are compressed with xz ({@code .ko.xz}). */
  XZ,
  /** Modules are compressed with zstd ({@code .ko.zst}). */
  ZSTD
}

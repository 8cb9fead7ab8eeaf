package org.kslim.source;

import org.kslim.InputLimit;

/**
 * The limits a package reader enforces against hostile or broken input, checked before any
 * allocation or decompression they guard.
 *
 * <pre>{@code
 * SourceLimits limits = SourceLimits.DEFAULTS.withMaxPayloadSize(16L << 30);
 * KernelPackage pkg = PackageReader.open(Path.of("linux-image.deb"), limits);
 * }</pre>
 *
 * <p>Defaults ({@link #DEFAULTS}): one entry at most 1 GiB, a whole decompressed payload (a deb's
 * data.tar, an rpm's cpio) at most 8 GiB, an rpm header store at most 256 MiB (rpm's own
 * {@code HEADER_DATA_MAX}), at most 1,000,000 entries, and a deb's decompressed control.tar at
 * most 16 MiB. A Debian kernel package holds about 4,500 entries and 400 MiB of modules.
 * {@link #configured()} applies the system properties {@code kslim.limit.*} that change them.
 *
 * @param maxEntrySize largest content of one entry, in bytes
 * @param maxPayloadSize largest decompressed payload, in bytes
 * @param maxHeaderSize largest rpm header data store, in bytes
 * @param maxEntryCount most entries in one package
 * @param maxControlSize largest decompressed deb control.tar, in bytes
 */
public record SourceLimits(
    long maxEntrySize, long maxPayloadSize, long maxHeaderSize, int maxEntryCount, long maxControlSize) {
  /** The built-in limits; {@link #configured()} applies the system properties that change them. */
  public static final SourceLimits DEFAULTS = new SourceLimits(1L << 30, 8L << 30, 256L << 20, 1_000_000, 16L << 20);

  /** {@link #maxEntrySize()}: {@code kslim.limit.entry-size}. */
  public static final InputLimit ENTRY_SIZE = new InputLimit("entry-size", DEFAULTS.maxEntrySize());
  /** {@link #maxPayloadSize()}: {@code kslim.limit.payload-size}. */
  public static final InputLimit PAYLOAD_SIZE = new InputLimit("payload-size", DEFAULTS.maxPayloadSize());
  /** {@link #maxHeaderSize()}: {@code kslim.limit.header-size}. */
  public static final InputLimit HEADER_SIZE = new InputLimit("header-size", DEFAULTS.maxHeaderSize());
  /** {@link #maxEntryCount()}: {@code kslim.limit.entry-count}. */
  public static final InputLimit ENTRY_COUNT = new InputLimit("entry-count", DEFAULTS.maxEntryCount());
  /** {@link #maxControlSize()}: {@code kslim.limit.control-size}. */
  public static final InputLimit CONTROL_SIZE = new InputLimit("control-size", DEFAULTS.maxControlSize());

  public SourceLimits {
    positive("maxEntrySize", maxEntrySize);
    positive("maxPayloadSize", maxPayloadSize);
    positive("maxHeaderSize", maxHeaderSize);
    positive("maxEntryCount", maxEntryCount);
    positive("maxControlSize", maxControlSize);
  }

  /**
   * The limits {@link PackageReader#open(java.nio.file.Path)} applies: {@link #DEFAULTS}, each
   * replaced by its system property ({@code kslim.limit.entry-size}, {@code payload-size},
   * {@code header-size}, {@code entry-count}, {@code control-size}) where that is set.
   */
  public static SourceLimits configured() {
    return new SourceLimits(ENTRY_SIZE.value(), PAYLOAD_SIZE.value(), HEADER_SIZE.value(), ENTRY_COUNT.intValue(),
        CONTROL_SIZE.value());
  }

  public SourceLimits withMaxEntrySize(long bytes) {
    return new SourceLimits(bytes, maxPayloadSize, maxHeaderSize, maxEntryCount, maxControlSize);
  }

  public SourceLimits withMaxPayloadSize(long bytes) {
    return new SourceLimits(maxEntrySize, bytes, maxHeaderSize, maxEntryCount, maxControlSize);
  }

  public SourceLimits withMaxHeaderSize(long bytes) {
    return new SourceLimits(maxEntrySize, maxPayloadSize, bytes, maxEntryCount, maxControlSize);
  }

  public SourceLimits withMaxEntryCount(int count) {
    return new SourceLimits(maxEntrySize, maxPayloadSize, maxHeaderSize, count, maxControlSize);
  }

  public SourceLimits withMaxControlSize(long bytes) {
    return new SourceLimits(maxEntrySize, maxPayloadSize, maxHeaderSize, maxEntryCount, bytes);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}

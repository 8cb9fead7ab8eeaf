package org.kslim.size;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The ways kslim measures a set of files. Budgets name them by {@link #key()}.
 *
 * <pre>{@code
 * Measure m = Measure.ofKey("installed-kib");   // INSTALLED_KIB
 * }</pre>
 */
public enum Measure {
  /** Number of entries (files, symlinks; directories not counted). */
  FILES("files"),
  /** Apparent bytes as rpm's SIZE counts them: regular file sizes plus symlink target lengths. */
  INSTALLED("installed"),
  /** Debian's Installed-Size, in KiB, as dpkg computes it. */
  INSTALLED_KIB("installed-kib"),
  /** Bytes on disk at a block size (default 4096). */
  DISK("disk"),
  /** Payload bytes with the policy's compressor and level, really compressed. */
  COMPRESSED("compressed");

  private final String key;

  Measure(String key) {
    this.key = key;
  }

  /** The name used in policies, reports and on the command line. */
  public String key() {
    return key;
  }

  /** The measure named {@code key}; fails naming the known keys. */
  public static Measure ofKey(String key) {
    for (Measure measure : values()) {
      if (measure.key.equals(key)) {
        return measure;
      }
    }
    throw new IllegalArgumentException("unknown measure '" + key + "' (known: "
        + Arrays.stream(values()).map(Measure::key).collect(Collectors.joining(", ")) + ")");
  }
}

package org.kslim.history;

/**
 * The sizes kept of each module of a build.
 *
 * <pre>{@code
 * ModuleMeasure.ofKey("elf");   // ELF
 * }</pre>
 */
public enum ModuleMeasure {
  /** Bytes of the file as stored (compressed for {@code .ko.xz}). */
  INSTALLED("installed"),
  /** What the file adds to Debian's Installed-Size, KiB. */
  INSTALLED_KIB("installed-kib"),
  /** Bytes on disk at the analysis' block size. */
  DISK("disk"),
  /** Bytes of the uncompressed ELF. */
  ELF("elf");

  private final String key;

  ModuleMeasure(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static ModuleMeasure ofKey(String key) {
    for (ModuleMeasure measure : values()) {
      if (measure.key.equals(key)) {
        return measure;
      }
    }
    throw new IllegalArgumentException("unknown module measure '" + key + "'");
  }
}

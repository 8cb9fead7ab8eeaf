package org.kslim.inspect;

import java.util.Objects;

/**
 * The modules of one subsystem directory and their sizes.
 *
 * <pre>{@code
 * new SubsystemTotal("kernel/drivers/net", 412, 30_000_000L, 90_000_000L);
 * }</pre>
 *
 * @param directory {@code kernel/drivers/X} for drivers, {@code kernel/X} otherwise (relative to
 *     {@code lib/modules/VER}); the first segment for modules outside {@code kernel/}
 * @param modules how many modules it holds
 * @param storedBytes the sum of the module files' sizes as stored
 * @param uncompressedBytes the sum of their uncompressed ELF sizes
 */
public record SubsystemTotal(String directory, int modules, long storedBytes, long uncompressedBytes) {
  public SubsystemTotal {
    Objects.requireNonNull(directory, "directory");
    if (modules < 0) {
      throw new IllegalArgumentException("module count must not be negative: " + modules);
    }
  }

  /** The subsystem directory a module path belongs to, as {@link #directory()} defines it. */
  public static String directoryOf(String modulePath) {
    String[] parts = modulePath.split("/");
    if (parts.length < 3 || !parts[0].equals("kernel")) {
      return parts.length > 1 ? parts[0] : ".";
    }
    if (parts[1].equals("drivers") && parts.length >= 4) {
      return "kernel/drivers/" + parts[2];
    }
    return "kernel/" + parts[1];
  }
}

package org.kslim.history;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel's flavour and version-free names: what stays the same from one release of a kernel
 * series to the next.
 *
 * <pre>{@code
 * Flavour.of("6.1.0-56-cloud-amd64");                           // "cloud-amd64"
 * Flavour.pairingKey("linux-image-6.1.0-47-cloud-amd64");       // "linux-image-*-cloud-amd64"
 * }</pre>
 */
public final class Flavour {
  private static final Pattern KERNEL = Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)*(?:-\\d+)?(?:[-.](.+))?");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)*(?:-\\d+(?:\\.\\d+)*)?");

  private Flavour() {}

  /** The part of {@code kernelVersion} after its numbers ({@code cloud-amd64}); the whole when it has none. */
  public static String of(String kernelVersion) {
    Matcher m = KERNEL.matcher(kernelVersion);
    if (m.matches()) {
      return m.group(1) == null ? "" : m.group(1);
    }
    return kernelVersion;
  }

  /** {@code name} with each version number ({@code 6.1.0-47}) replaced by {@code *}. */
  public static String pairingKey(String name) {
    return VERSION.matcher(name).replaceAll("*");
  }
}

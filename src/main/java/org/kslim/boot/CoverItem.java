package org.kslim.boot;

import java.util.List;
import java.util.Objects;

/**
 * One need of a hardware profile (a device, a filesystem or a feature) and what meets it.
 *
 * <pre>{@code
 * CoverItem item = coverage.items().get(0);
 * item.status();   // Status.CORE when a built-in or a core module binds it
 * }</pre>
 *
 * @param profile the profile's name
 * @param kind what is needed
 * @param name the device's short name, or the module name of a filesystem or feature
 * @param key the device's modalias, or the module name
 * @param binders every module and built-in that meets it
 * @param status what that means for the core package
 * @param optional the profile lets a guest do without it in core
 */
public record CoverItem(String profile, Kind kind, String name, String key, List<Binder> binders, Status status,
    boolean optional) {
  /** What a profile needs. */
  public enum Kind { DEVICE, FILESYSTEM, FEATURE }

  /** Whether the core package (with the kernel image) meets the need. */
  public enum Status {
    /** a built-in or a module in core meets it */
    CORE,
    /** only modules outside core meet it */
    OUTSIDE_CORE,
    /** nothing in the kernel meets it */
    MISSING
  }

  public CoverItem {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    binders = List.copyOf(binders);
    Objects.requireNonNull(status, "status");
  }

  /** Met by core, or optional. */
  public boolean covered() {
    return status == Status.CORE || optional;
  }
}

package org.kslim.kmod;

import java.util.Objects;

/**
 * A module that could not be parsed, reported instead of failing when the caller keeps going.
 *
 * <pre>{@code
 * for (ModuleProblem p : set.problems()) {
 *   System.err.println(p.path() + ": " + p.reason());
 * }
 * }</pre>
 *
 * @param path the module's path relative to {@code lib/modules/VER}
 * @param reason the one-line error, located in the package
 */
public record ModuleProblem(String path, String reason) {
  public ModuleProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}

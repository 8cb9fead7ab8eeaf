package org.kslim.policy;

import java.util.Objects;

/**
 * Where a policy item was written: the file and its 1-based line.
 *
 * <pre>{@code
 * new Location("cloud.yaml", 12).toString();   // "cloud.yaml:12"
 * }</pre>
 */
public record Location(String file, int line) {
  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}

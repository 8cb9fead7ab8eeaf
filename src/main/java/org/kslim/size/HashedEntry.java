package org.kslim.size;

import java.util.Objects;
import org.kslim.source.Entry;

/**
 * One entry of a package's file set known by its content's SHA-256 instead of its bytes: enough
 * to find its package's figures in the {@link SizeCache} without reading the package again.
 *
 * <pre>{@code
 * HashedEntry e = new HashedEntry(entry, sheet.get("modules-core").file(entry.path()).orElseThrow().sha256());
 * }</pre>
 *
 * @param entry the entry as the package records it
 * @param sha256 hex SHA-256 of its content (of no bytes for anything but a regular file)
 */
public record HashedEntry(Entry entry, String sha256) {
  public HashedEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(sha256, "sha256");
    if (sha256.length() != 64) {
      throw new IllegalArgumentException(entry.path() + ": sha256 must be 64 hex digits: " + sha256);
    }
  }
}

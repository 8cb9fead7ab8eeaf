package org.kslim.source;

import java.util.HashSet;
import java.util.Set;
import org.kslim.BadInputException;

/**
 * Admits the entries of one pass over a package: normalises each archive path, refuses paths
 * that escape the package root, duplicates and more entries than the limit allows.
 *
 * <pre>{@code
 * PathGuard guard = new PathGuard("pkg.deb", SourceLimits.DEFAULTS);
 * guard.admit("./lib/modules/6.1.0-56-amd64/");   // "lib/modules/6.1.0-56-amd64"
 * guard.admit("./");                              // null: the package root itself
 * guard.admit("./../etc/passwd");                 // BadInputException
 * }</pre>
 */
public final class PathGuard {
  private final String source;
  private final int maxEntries;
  private final Set<String> seen = new HashSet<>();

  /**
   * @param source the package file, named in every error
   * @param limits whose {@link SourceLimits#maxEntryCount()} bounds the entries admitted
   */
  public PathGuard(String source, SourceLimits limits) {
    this.source = source;
    this.maxEntries = limits.maxEntryCount();
  }

  /**
   * The normalised path of the next entry, or null for the package root ({@code .}, {@code ./}).
   *
   * @throws BadInputException when the path escapes the root, repeats an earlier one, or the
   *     package holds more entries than the limit
   */
  public String admit(String raw) {
    String path = normalise(raw);
    if (path == null) {
      return null;
    }
    if (!seen.add(path)) {
      throw new BadInputException(source + "!" + path + ": duplicate path");
    }
    if (seen.size() > maxEntries) {
      throw new BadInputException(source + ": more than " + maxEntries + " entries (limit)");
    }
    return path;
  }

  /**
   * {@code raw} without its leading {@code ./} and trailing {@code /}, or null for the root.
   *
   * @throws BadInputException when it is absolute or holds a {@code ..}, {@code .} or empty segment
   */
  public String normalise(String raw) {
    String path = raw;
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    while (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty() || path.equals(".")) {
      return null;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new BadInputException(source + "!" + raw + ": path escapes the package root");
      }
    }
    return path;
  }
}

package org.kslim.kmod;

import java.util.Optional;

/**
 * Where an entry sits relative to a kernel's module tree: {@code lib/modules/VER/REST} or
 * {@code usr/lib/modules/VER/REST}.
 *
 * @param root {@code lib/modules/VER} or {@code usr/lib/modules/VER}
 * @param version VER
 * @param relative REST, empty for the folder itself
 */
record ModulesPath(String root, String version, String relative) {
  private static final String[] PREFIXES = {"lib/modules/", "usr/lib/modules/"};

  static Optional<ModulesPath> of(String entryPath) {
    for (String prefix : PREFIXES) {
      if (entryPath.startsWith(prefix) && entryPath.length() > prefix.length()) {
        String rest = entryPath.substring(prefix.length());
        int slash = rest.indexOf('/');
        String version = slash < 0 ? rest : rest.substring(0, slash);
        String relative = slash < 0 ? "" : rest.substring(slash + 1);
        return Optional.of(new ModulesPath(prefix + version, version, relative));
      }
    }
    return Optional.empty();
  }
}

package org.kslim.pack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.kslim.size.FileContent;

/**
 * One package to write, in the target format's own terms.
 *
 * @param name package name
 * @param part the policy package it holds, or empty for the meta package
 * @param epoch the version's epoch, empty when there is none
 * @param version upstream version
 * @param release Debian revision or rpm release (may be empty for a deb)
 * @param architecture as the target format spells it
 * @param license rpm LICENSE, may be empty
 * @param summary one line
 * @param description the long description, lines separated by {@code \n}
 * @param sourceName the source package it was built from
 * @param fields further Debian control fields (Maintainer, Section, Priority, Homepage; for the image
 *     package of a deb input also its relations, which come after kslim's own), in order
 * @param requires packages needed (deb Depends, rpm Requires)
 * @param conflicts packages it takes over (deb Conflicts, rpm Obsoletes)
 * @param replaces packages whose files it may overwrite (deb Replaces; rpm has none)
 * @param scripts maintainer scripts by the target's names ({@code postinst}; {@code %post})
 * @param installedKib Debian's Installed-Size
 * @param buildTime seconds since the epoch: rpm BUILDTIME, the deb's ar and control times
 * @param files the entries and their content
 */
record PackageSpec(
    String name,
    String part,
    String epoch,
    String version,
    String release,
    String architecture,
    String license,
    String summary,
    String description,
    String sourceName,
    Map<String, String> fields,
    List<Relation> requires,
    List<Relation> conflicts,
    List<Relation> replaces,
    Map<String, String> scripts,
    long installedKib,
    long buildTime,
    List<FileContent> files) {
  PackageSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(epoch, "epoch");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    requires = List.copyOf(requires);
    conflicts = List.copyOf(conflicts);
    replaces = List.copyOf(replaces);
    scripts = Collections.unmodifiableMap(new TreeMap<>(scripts));
    files = List.copyOf(files);
  }

  /** Version and release joined as both formats compare them: {@code 6.1.192-2}. */
  String versionRelease() {
    return versionRelease(version, release);
  }

  static String versionRelease(String version, String release) {
    return release.isEmpty() ? version : version + "-" + release;
  }

  /** The whole version as relations and Debian's Version field spell it: {@code [epoch:]version[-release]}. */
  String fullVersion() {
    return fullVersion(epoch, version, release);
  }

  static String fullVersion(String epoch, String version, String release) {
    return (epoch.isEmpty() ? "" : epoch + ":") + versionRelease(version, release);
  }
}

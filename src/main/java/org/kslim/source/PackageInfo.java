package org.kslim.source;

import java.util.Map;
import java.util.Objects;

/**
 * What a package declares about itself. For a tree most fields are empty strings.
 *
 * <pre>{@code
 * PackageInfo info = new PackageInfo("linux-image-6.1.0-56-cloud-amd64-unsigned", "6.1.192", "2",
 *     "amd64", "GPL-2.0", Map.of(), Map.of());
 * }</pre>
 *
 * @param name package name ({@code Package:} of a deb, {@code NAME} of an rpm, the folder name of a tree)
 * @param version upstream version (a deb's version before its last {@code -}, an rpm's VERSION)
 * @param release Debian revision or rpm RELEASE, empty when there is none
 * @param architecture as the package spells it: {@code amd64}, {@code x86_64}, {@code arm64}...
 * @param license rpm LICENSE; for a deb, empty
 * @param fields every other declared field by name (deb control fields, rpm header tags by name)
 * @param scripts maintainer scripts by name ({@code postinst}, {@code postrm}, {@code %post}...)
 */
public record PackageInfo(
    String name,
    String version,
    String release,
    String architecture,
    String license,
    Map<String, String> fields,
    Map<String, String> scripts) {
  public PackageInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(license, "license");
    fields = Map.copyOf(fields);
    scripts = Map.copyOf(scripts);
  }
}

package org.kslim.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code naming:} section of a kslim policy: patterns for the names of written packages
 * ({@code {prefix}}, {@code {package}}, {@code {kver}} and {@code {name}} are replaced; see
 * {@code docs/policy.md}), and the version, release, architecture and license they carry instead
 * of the input's. An absent entry keeps kslim's default (the pattern) or the input's value.
 *
 * <pre>{@code
 * PackageNaming naming = new PackageNaming(Optional.of("{prefix}-{package}-{kver}"), Optional.of("{name}"));
 * PackageNaming rebuilt = naming.withFields(Optional.empty(), Optional.of("2kslim1"), Optional.empty(), Optional.empty());
 * }</pre>
 *
 * @param pkg the pattern of each policy package's name; must contain {@code {package}}
 * @param meta the pattern of the meta package's name
 * @param version the upstream version instead of the input's (no {@code -} or {@code :})
 * @param release the release (Debian revision) instead of the input's (no {@code -} or {@code :})
 * @param architecture the architecture instead of the input's, in either format's spelling
 * @param license the license instead of the input's
 */
public record PackageNaming(Optional<String> pkg, Optional<String> meta, Optional<String> version,
    Optional<String> release, Optional<String> architecture, Optional<String> license) {
  private static final Pattern VERSION = Pattern.compile("[0-9][A-Za-z0-9.+~_]*");
  private static final Pattern RELEASE = Pattern.compile("[A-Za-z0-9.+~_]+");
  private static final Pattern ARCHITECTURE = Pattern.compile("[a-z0-9_]+");

  public PackageNaming {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(meta, "meta");
    pkg.filter(p -> !p.contains("{package}")).ifPresent(p -> {
      throw new IllegalArgumentException("the package name pattern must contain {package}: " + p);
    });
    check(version, VERSION, "version");
    check(release, RELEASE, "release");
    check(architecture, ARCHITECTURE, "architecture");
    Objects.requireNonNull(license, "license").filter(l -> l.isBlank() || l.contains("\n")).ifPresent(l -> {
      throw new IllegalArgumentException("license must be one line of text: '" + l + "'");
    });
  }

  /** Name patterns only; version, release, architecture and license from the input. */
  public PackageNaming(Optional<String> pkg, Optional<String> meta) {
    this(pkg, meta, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** These patterns with the given version, release, architecture and license. */
  public PackageNaming withFields(Optional<String> version, Optional<String> release, Optional<String> architecture,
      Optional<String> license) {
    return new PackageNaming(pkg, meta, version, release, architecture, license);
  }

  private static void check(Optional<String> value, Pattern valid, String what) {
    Objects.requireNonNull(value, what).filter(v -> !valid.matcher(v).matches()).ifPresent(v -> {
      throw new IllegalArgumentException(what + " must match " + valid.pattern() + ": '" + v + "'");
    });
  }
}

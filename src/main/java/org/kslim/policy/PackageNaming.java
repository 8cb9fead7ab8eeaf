package org.kslim.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code naming:} section of a kslim policy: patterns for the names of written packages
 * ({@code {prefix}}, {@code {package}}, {@code {kver}} and {@code {name}} are replaced; see
 * {@code docs/policy.md}). An absent pattern keeps kslim's default.
 *
 * <pre>{@code
 * PackageNaming naming = new PackageNaming(Optional.of("{prefix}-{package}-{kver}"), Optional.of("{name}"));
 * }</pre>
 *
 * @param pkg the pattern of each policy package's name; must contain {@code {package}}
 * @param meta the pattern of the meta package's name
 */
public record PackageNaming(Optional<String> pkg, Optional<String> meta) {
  public PackageNaming {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(meta, "meta");
    pkg.filter(p -> !p.contains("{package}")).ifPresent(p -> {
      throw new IllegalArgumentException("the package name pattern must contain {package}: " + p);
    });
  }
}

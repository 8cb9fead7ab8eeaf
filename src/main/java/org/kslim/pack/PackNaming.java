package org.kslim.pack;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kslim.UsageException;
import org.kslim.policy.PackageNaming;
import org.kslim.source.PackageFormat;

/**
 * How written packages are named. A pattern may use {@code {prefix}} ({@code kernel} for rpm,
 * {@code linux} for deb, as the distributions prefix their kernel packages), {@code {package}}
 * (the policy package), {@code {kver}} (the kernel version) and {@code {name}} (the input
 * package's name). The default names a part {@code {prefix}-{package}-{kver}}
 * ({@code kernel-modules-core-6.1.0-56-amd64}, {@code linux-modules-core-6.1.0-56-amd64}) and
 * the meta package {@code {name}}, the input's own name.
 *
 * <pre>{@code
 * PackNaming naming = new PackNaming("{prefix}-{package}-{kver}", "{name}");
 * naming.part(PackageFormat.DEB, "modules-core", "6.1.0-56-amd64", "linux-image-6.1.0-56-amd64");
 * // "linux-modules-core-6.1.0-56-amd64"
 * }</pre>
 *
 * @param part the pattern of each policy package's name
 * @param meta the pattern of the meta package's name
 */
public record PackNaming(String part, String meta) {
  public static final PackNaming DEFAULT = new PackNaming("{prefix}-{package}-{kver}", "{name}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  private static final Pattern RPM_NAME = Pattern.compile("[A-Za-z0-9_+][A-Za-z0-9_+.-]*");

  public PackNaming {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(meta, "meta");
    if (!part.contains("{package}")) {
      throw new UsageException("a package name pattern must contain {package}: " + part);
    }
  }

  /** The naming a policy's {@code naming:} section asks for, with the default for what it leaves out. */
  public static PackNaming of(Optional<PackageNaming> policy) {
    return new PackNaming(policy.flatMap(PackageNaming::pkg).orElse(DEFAULT.part()),
        policy.flatMap(PackageNaming::meta).orElse(DEFAULT.meta()));
  }

  /** The name of the package holding policy package {@code pkg}. */
  public String part(PackageFormat format, String pkg, String kver, String inputName) {
    return expand(part, format, pkg, kver, inputName);
  }

  /** The name of the meta package. */
  public String meta(PackageFormat format, String kver, String inputName) {
    return expand(meta, format, "", kver, inputName);
  }

  private static String expand(String pattern, PackageFormat format, String pkg, String kver, String inputName) {
    String name = pattern.replace("{prefix}", format == PackageFormat.DEB ? "linux" : "kernel")
        .replace("{package}", pkg).replace("{kver}", kver).replace("{name}", inputName);
    Pattern valid = format == PackageFormat.DEB ? NAME : RPM_NAME;
    if (!valid.matcher(name).matches()) {
      throw new UsageException("package name pattern " + pattern + " gives a name " + format.name().toLowerCase(Locale.ROOT)
          + " does not accept: '" + name + "'");
    }
    return name;
  }
}

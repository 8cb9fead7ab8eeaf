package org.kslim.policy;

import java.util.Objects;
import org.kslim.size.PayloadCompression;
import org.kslim.source.PackageFormat;

/**
 * How output packages are built: their format, their payload compression and what happens to
 * the modules' own compression.
 *
 * <pre>{@code
 * CompressionPolicy rpm = CompressionPolicy.defaults(PackageFormat.RPM);   // zstd 19, modules kept
 * CompressionPolicy deb = CompressionPolicy.defaults(PackageFormat.DEB);   // xz 6, modules kept
 * }</pre>
 */
public record CompressionPolicy(PackageFormat target, PayloadCompression payload, ModuleCompression modules) {
  public CompressionPolicy {
    Objects.requireNonNull(target, "target");
    if (target == PackageFormat.TREE) {
      throw new IllegalArgumentException("target must be RPM or DEB: " + target);
    }
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(modules, "modules");
  }

  /** The defaults for {@code target}: rpm zstd 19, deb xz 6; modules kept as they are. */
  public static CompressionPolicy defaults(PackageFormat target) {
    return new CompressionPolicy(target, defaultPayload(target), ModuleCompression.KEEP);
  }

  /** The payload compression {@code target} gets when the policy names none. */
  public static PayloadCompression defaultPayload(PackageFormat target) {
    return target == PackageFormat.DEB ? PayloadCompression.DEB_DEFAULT : PayloadCompression.RPM_DEFAULT;
  }
}

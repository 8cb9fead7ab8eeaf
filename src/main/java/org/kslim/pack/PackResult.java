package org.kslim.pack;

import java.util.List;
import java.util.Optional;

/**
 * The packages {@link PackageWriter} wrote, parts first and the meta package last, and what the
 * user should know about them.
 *
 * <pre>{@code
 * PackResult result = PackageWriter.write(source, analysis, request);
 * result.part("modules-core").orElseThrow().payloadBytes();
 * }</pre>
 */
public record PackResult(List<WrittenPackage> packages, List<String> warnings) {
  public PackResult {
    packages = List.copyOf(packages);
    warnings = List.copyOf(warnings);
  }

  /** The package holding policy package {@code part}, if one was written. */
  public Optional<WrittenPackage> part(String part) {
    return packages.stream().filter(p -> !p.part().isEmpty() && p.part().equals(part)).findFirst();
  }
}

package org.kslim.size;

import java.util.List;
import java.util.Optional;

/**
 * The sizes of every package of a split, in package-name order.
 *
 * <pre>{@code
 * SizeSheet sheet = meter.measure(kernelPackage, entry -> Optional.of(split.packageOf(entry)));
 * long coreKib = sheet.get("modules-core").get(Measure.INSTALLED_KIB);
 * }</pre>
 */
public record SizeSheet(List<PackageSizes> packages) {
  public SizeSheet {
    packages = List.copyOf(packages);
  }

  /** The package called {@code name}, if measured. */
  public Optional<PackageSizes> find(String name) {
    return packages.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The package called {@code name}; fails naming the measured packages when there is none. */
  public PackageSizes get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("no package '" + name
        + "' measured (measured: " + packages.stream().map(PackageSizes::name).toList() + ")"));
  }
}

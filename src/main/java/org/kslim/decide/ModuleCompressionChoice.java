package org.kslim.decide;

import java.util.List;
import java.util.Objects;

/**
 * Every package's installed and compressed size with the modules compressed one way.
 *
 * <pre>{@code
 * ModuleCompressionChoice xz = choices.get(1);
 * xz.name();                                   // "xz"
 * xz.packages().get(0).compressed();           // bytes, exact or estimated ...
 * xz.packages().get(0).compressedBound();      // ... within this many (0: exact)
 * }</pre>
 *
 * @param name {@code as-is}, {@code none}, {@code xz}, {@code zstd} or {@code gzip}
 * @param how what it means, e.g. {@code xz --check=crc32 --lzma2=dict=1MiB (xz-java 1.12)}
 * @param packages every package of the split, in name order
 */
public record ModuleCompressionChoice(String name, String how, List<Figures> packages) {
  public ModuleCompressionChoice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(how, "how");
    packages = List.copyOf(packages);
  }

  /** The figures of {@code pkg}; fails naming the packages when it is not one. */
  public Figures get(String pkg) {
    return packages.stream().filter(p -> p.pkg().equals(pkg)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no package " + pkg + " (packages: " + packages.stream().map(Figures::pkg).toList() + ")"));
  }

  /**
   * One package's sizes.
   *
   * @param installed apparent bytes of its files, exact
   * @param compressed its payload compressed with the policy's compression
   * @param compressedBound how far {@code compressed} may be off (0 where measured exactly)
   */
  public record Figures(String pkg, long installed, long compressed, long compressedBound) {
    public Figures {
      Objects.requireNonNull(pkg, "pkg");
    }
  }
}

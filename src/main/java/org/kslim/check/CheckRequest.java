package org.kslim.check;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.kslim.size.CompressorKind;

/**
 * What to split and check, and how to measure it.
 *
 * <pre>{@code
 * CheckRequest request = CheckRequest.of(Path.of("linux-image.deb"), Path.of("policies/cloud.yaml"))
 *     .withCompressor(CompressorKind.SYSTEM);
 * }</pre>
 *
 * @param packagePath a .deb, .rpm or module tree; null for the running system's kernel
 * @param policyPath the policy file; null for the shipped {@code policies/cloud.yaml}
 * @param variants Fedora-style variants ({@code rt}...) that switch packages and rules on
 * @param kernelVersion which kernel of a package holding several, or null
 * @param keepGoing report unparseable modules and go on
 * @param compressor built-in libraries or the host's own programs
 * @param blockSize block size of the {@code disk} measure
 * @param cacheDirectory where parsed and compressed results are kept; null for no cache
 * @param today the date waivers are checked against
 */
public record CheckRequest(
    Path packagePath,
    Path policyPath,
    Set<String> variants,
    String kernelVersion,
    boolean keepGoing,
    CompressorKind compressor,
    int blockSize,
    Path cacheDirectory,
    LocalDate today) {
  public CheckRequest {
    variants = Set.copyOf(variants);
    Objects.requireNonNull(compressor, "compressor");
    if (blockSize < 512 || Integer.bitCount(blockSize) != 1) {
      throw new IllegalArgumentException("block size must be a power of two of at least 512: " + blockSize);
    }
    Objects.requireNonNull(today, "today");
  }

  /** Built-in compressors, 4096-byte blocks, no cache, no variant, today's date. */
  public static CheckRequest of(Path packagePath, Path policyPath) {
    return new CheckRequest(packagePath, policyPath, Set.of(), null, false, CompressorKind.BUILT_IN, 4096, null,
        LocalDate.now());
  }

  public CheckRequest withPolicyPath(Path value) {
    return new CheckRequest(packagePath, value, variants, kernelVersion, keepGoing, compressor, blockSize, cacheDirectory, today);
  }

  public CheckRequest withVariants(Set<String> value) {
    return new CheckRequest(packagePath, policyPath, value, kernelVersion, keepGoing, compressor, blockSize, cacheDirectory, today);
  }

  public CheckRequest withKernelVersion(String value) {
    return new CheckRequest(packagePath, policyPath, variants, value, keepGoing, compressor, blockSize, cacheDirectory, today);
  }

  public CheckRequest withKeepGoing(boolean value) {
    return new CheckRequest(packagePath, policyPath, variants, kernelVersion, value, compressor, blockSize, cacheDirectory, today);
  }

  public CheckRequest withCompressor(CompressorKind value) {
    return new CheckRequest(packagePath, policyPath, variants, kernelVersion, keepGoing, value, blockSize, cacheDirectory, today);
  }

  public CheckRequest withBlockSize(int value) {
    return new CheckRequest(packagePath, policyPath, variants, kernelVersion, keepGoing, compressor, value, cacheDirectory, today);
  }

  public CheckRequest withCacheDirectory(Path value) {
    return new CheckRequest(packagePath, policyPath, variants, kernelVersion, keepGoing, compressor, blockSize, value, today);
  }

  public CheckRequest withToday(LocalDate value) {
    return new CheckRequest(packagePath, policyPath, variants, kernelVersion, keepGoing, compressor, blockSize, cacheDirectory, value);
  }
}

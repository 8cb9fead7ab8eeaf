package org.kslim.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kslim.check.CheckRequest;
import org.kslim.size.CompressorKind;
import org.kslim.size.SizeCache;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code split} and {@code check}: which package, which policy, how to measure. */
final class SplitOptions {
  @Parameters(index = "0", arity = "0..1", paramLabel = "PACKAGE",
      description = "a .deb, an .rpm or a lib/modules/VER folder (default: the running kernel's)")
  Path packagePath;

  @Option(names = "--policy", paramLabel = "FILE", description = "the split policy (default: the shipped policies/cloud.yaml)")
  Path policy;

  @Option(names = "--variant", paramLabel = "NAME", split = ",", description = "policy variants to switch on, as Fedora's -r (e.g. rt)")
  List<String> variants = List.of();

  @Option(names = "--kver", paramLabel = "VER", description = "the kernel to use when the package holds several")
  String kernelVersion;

  @Option(names = "--keep-going", description = "skip (and report) modules that cannot be parsed")
  boolean keepGoing;

  @Option(names = "--compressor", paramLabel = "builtin|system", defaultValue = "builtin",
      description = "compress with kslim's own libraries or the host's xz/zstd/gzip programs (default: ${DEFAULT-VALUE})")
  String compressor;

  @Option(names = "--block-size", paramLabel = "BYTES", defaultValue = "4096", description = "block size of the disk measure")
  int blockSize;

  @Option(names = "--no-cache", description = "measure everything anew instead of using the cache")
  boolean noCache;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "the date waivers are checked against (default: today)")
  LocalDate today;

  CheckRequest request() {
    CompressorKind kind = switch (compressor) {
      case "builtin" -> CompressorKind.BUILT_IN;
      case "system" -> CompressorKind.SYSTEM;
      default -> throw new org.kslim.UsageException("--compressor must be builtin or system: " + compressor);
    };
    Path cache = noCache ? null : SizeCache.defaultDirectory(Map.copyOf(System.getenv()));
    return new CheckRequest(packagePath, policy, Set.copyOf(variants), kernelVersion, keepGoing, kind, blockSize,
        cache, today == null ? LocalDate.now() : today);
  }
}

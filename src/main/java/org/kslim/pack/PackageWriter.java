package org.kslim.pack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.kslim.AtomicFile;
import org.kslim.BadInputException;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.policy.CompressionPolicy;
import org.kslim.policy.ModuleCompression;
import org.kslim.size.Compressor;
import org.kslim.size.FileContent;
import org.kslim.size.PayloadCompression;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;

/**
 * Writes a split as installable packages: one rpm or deb per non-empty policy package and a
 * meta package requiring them all, each written atomically (a failed or killed run leaves no
 * partial package) and reproducibly (same input, policy and SOURCE_DATE_EPOCH: same bytes).
 * Each package's figures are read back from the written file.
 *
 * <pre>{@code
 * SplitAnalysis analysis = SplitAnalyzer.analyze(CheckRequest.of(deb, policy));
 * PackResult result = PackageWriter.write(PackageReader.open(deb), analysis,
 *     PackRequest.of(PackageFormat.RPM, Path.of("out")));
 * result.packages().forEach(p -> System.out.println(p.file() + " " + p.payloadBytes()));
 * }</pre>
 */
public final class PackageWriter {
  private PackageWriter() {}

  /**
   * Writes the packages of {@code analysis}, whose input {@code source} is read once more.
   *
   * @throws BadInputException naming the file when the input cannot be read or a package not written
   */
  public static PackResult write(KernelPackage source, SplitAnalysis analysis, PackRequest request) {
    Map<String, List<FileContent>> files = new TreeMap<>();
    try {
      source.forEachEntry((entry, content) -> files
          .computeIfAbsent(SplitAnalyzer.packageOf(analysis.split(), entry), p -> new ArrayList<>())
          .add(FileContent.read(source, entry, content)));
    } catch (IOException e) {
      throw new BadInputException(source.path() + ": cannot read: " + e.getMessage(), e);
    }
    List<String> warnings = new ArrayList<>();
    boolean debRelations = source.format() == PackageFormat.DEB && request.format() == PackageFormat.DEB;
    List<PackageSpec> specs = PackPlanner.plan(analysis, request, files, debRelations, warnings);
    warnings.replaceAll(script -> source.path() + ": the " + script + " script has no place in a "
        + request.format().name().toLowerCase(Locale.ROOT) + " package and is not carried");
    List<String> uncarried = PackPlanner.DEB_RELATIONS.stream()
        .filter(f -> !debRelations && !analysis.packageInfo().fields().getOrDefault(f, "").isEmpty()).toList();
    if (!uncarried.isEmpty()) {
      warnings.add(source.path() + ": the input's " + String.join(", ", uncarried) + " name Debian packages and are not"
          + " carried into " + request.format().name().toLowerCase(Locale.ROOT) + " packages");
    }
    Optional<CompressionPolicy> policy = analysis.policy().compression().filter(c -> c.target() == request.format());
    PayloadCompression compression = policy.map(CompressionPolicy::payload)
        .orElse(CompressionPolicy.defaultPayload(request.format()));
    policy.map(CompressionPolicy::modules).filter(m -> m != ModuleCompression.KEEP).ifPresent(m -> warnings.add(
        analysis.policy().source() + ": the module compression " + m.name().toLowerCase(Locale.ROOT)
            + " is not applied: modules are written as the input holds them"));
    Compressor compressor = request.compressor().create(compression, Runtime.getRuntime().availableProcessors());
    List<WrittenPackage> written = writeAll(specs, request, compressor, compression);
    return new PackResult(written, warnings);
  }

  /**
   * Writes every package, as many at once as there are cores, the largest first (so the small
   * ones fill the cores while it finishes); returns them in the order of {@code specs}. When a
   * package fails, the others are still finished (each is complete or absent) and the first
   * failure is thrown.
   */
  private static List<WrittenPackage> writeAll(List<PackageSpec> specs, PackRequest request, Compressor compressor,
      PayloadCompression compression) {
    int threads = Math.min(specs.size(), Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
      Thread thread = new Thread(task, "kslim-pack");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<WrittenPackage>> futures = new ArrayList<>(Collections.nCopies(specs.size(), null));
      IntStream.range(0, specs.size()).boxed()
          .sorted(Comparator.comparingLong((Integer i) -> contentBytes(specs.get(i))).reversed())
          .forEach(i -> futures.set(i, pool.submit(() -> writeOne(specs.get(i), request, compressor, compression))));
      List<WrittenPackage> written = new ArrayList<>();
      RuntimeException failure = null;
      for (Future<WrittenPackage> future : futures) {
        try {
          written.add(future.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
              : new IllegalStateException("writing a package failed: " + e.getCause(), e.getCause());
          if (failure == null) {
            failure = cause;
          } else if (failure != cause) {
            failure.addSuppressed(cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing packages", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return written;
    } finally {
      pool.shutdown();
    }
  }

  private static WrittenPackage writeOne(PackageSpec spec, PackRequest request, Compressor compressor,
      PayloadCompression compression) {
    Path target = request.out().resolve(fileName(spec, request.format()));
    AtomicFile.write(target, out -> {
      if (request.format() == PackageFormat.RPM) {
        RpmWriter.write(spec, compressor, compression, out);
      } else {
        DebWriter.write(spec, compressor, compression, out);
      }
    });
    return WrittenPackage.readBack(target, spec.part());
  }

  private static long contentBytes(PackageSpec spec) {
    return spec.files().stream().mapToLong(f -> f.entry().size()).sum();
  }

  /** As the distributions name package files: {@code N-V-R.A.rpm}, {@code N_V-R_A.deb}. */
  static String fileName(PackageSpec spec, PackageFormat format) {
    return format == PackageFormat.RPM
        ? spec.name() + "-" + spec.versionRelease() + "." + spec.architecture() + ".rpm"
        : spec.name() + "_" + spec.versionRelease() + "_" + spec.architecture() + ".deb";
  }
}

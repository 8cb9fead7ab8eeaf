package org.kslim.pack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.kslim.AtomicFile;
import org.kslim.BadInputException;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.policy.CompressionPolicy;
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
    List<PackageSpec> specs = PackPlanner.plan(analysis, request, files, warnings);
    warnings.replaceAll(script -> source.path() + ": the " + script + " script has no place in a "
        + request.format().name().toLowerCase(Locale.ROOT) + " package and is not carried");
    PayloadCompression compression = analysis.policy().compression()
        .filter(c -> c.target() == request.format()).map(CompressionPolicy::payload)
        .orElse(CompressionPolicy.defaultPayload(request.format()));
    Compressor compressor = request.compressor().create(compression, Runtime.getRuntime().availableProcessors());
    List<WrittenPackage> written = new ArrayList<>();
    for (PackageSpec spec : specs) {
      Path target = request.out().resolve(fileName(spec, request.format()));
      AtomicFile.write(target, out -> {
        if (request.format() == PackageFormat.RPM) {
          RpmWriter.write(spec, compressor, compression, out);
        } else {
          DebWriter.write(spec, compressor, compression, out);
        }
      });
      written.add(WrittenPackage.readBack(target, spec.part()));
    }
    return new PackResult(written, warnings);
  }

  /** As the distributions name package files: {@code N-V-R.A.rpm}, {@code N_V-R_A.deb}. */
  static String fileName(PackageSpec spec, PackageFormat format) {
    return format == PackageFormat.RPM
        ? spec.name() + "-" + spec.versionRelease() + "." + spec.architecture() + ".rpm"
        : spec.name() + "_" + spec.versionRelease() + "_" + spec.architecture() + ".deb";
  }
}

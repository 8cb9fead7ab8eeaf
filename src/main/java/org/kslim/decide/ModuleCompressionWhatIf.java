package org.kslim.decide;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.kslim.BadInputException;
import org.kslim.Progress;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.size.FileContent;
import org.kslim.size.FileSizes;
import org.kslim.size.Measure;
import org.kslim.size.ModuleFileCompressor;
import org.kslim.size.PackageSizes;
import org.kslim.size.RecompressedModules;
import org.kslim.size.SizeMeter;
import org.kslim.size.SizeSheet;
import org.kslim.source.Compression;
import org.kslim.source.EntryType;
import org.kslim.source.KernelPackage;

/**
 * Answers "what if the module files were compressed differently?": for the package as it is and
 * for each choice (modules uncompressed, or compressed as {@code make modules_install} does with
 * xz or zstd), every package's installed size and compressed payload, side by side. Installed
 * sizes are exact; compressed sizes are estimated from each file's figure compressed alone
 * (cached by content hash): uncompressed files' figures times the package's real payload ratio
 * (its compressed payload over its files' figures as they are),
 * compressed module files' figures as they are (the payload gains nothing across them), with an
 * error bound, or measured exactly.
 *
 * <pre>{@code
 * SplitAnalysis analysis = SplitAnalyzer.analyze(request, true);
 * List<ModuleCompressionChoice> table = ModuleCompressionWhatIf.evaluate(analysis, request,
 *     List.of(Compression.NONE, Compression.XZ, Compression.ZSTD), false, Progress.NONE, warnings::add);
 * }</pre>
 */
public final class ModuleCompressionWhatIf {
  /** The name of the first column: the package as it is. */
  public static final String AS_IS = "as-is";

  private ModuleCompressionWhatIf() {}

  /**
   * The package as {@code analysis} measured it, then each of {@code choices}; {@code request} is
   * the analysis's (its package is read once more).
   *
   * @param exact rewrite and compress every payload instead of estimating
   */
  public static List<ModuleCompressionChoice> evaluate(SplitAnalysis analysis, CheckRequest request,
      List<Compression> choices, boolean exact, Progress progress, Consumer<String> warnings) {
    KernelPackage pkg = SplitAnalyzer.open(request);
    SizeMeter meter = SplitAnalyzer.meter(pkg, request, analysis.policy(), false, warnings);
    List<ModuleCompressionChoice> table = new ArrayList<>();
    table.add(asIs(analysis));
    try {
      Map<String, List<FileContent>> files = SizeMeter.read(pkg,
          entry -> Optional.of(SplitAnalyzer.packageOf(analysis.split(), entry)), progress);
      List<FileContent> all = files.values().stream().flatMap(List::stream).toList();
      // the files as they are, compressed alone once for every choice's estimate
      Map<String, Long> asIs = exact ? Map.of() : meter.alone(all, progress);
      for (Compression choice : choices) {
        ModuleFileCompressor modules = ModuleFileCompressor.of(choice);
        RecompressedModules recompressed = meter.recompressed(modules);
        table.add(exact ? exact(modules, recompressed, meter, files, progress)
            : estimate(modules, recompressed, analysis, all, asIs, progress));
      }
    } catch (IOException e) {
      throw new BadInputException(pkg.path() + ": cannot read: " + e.getMessage(), e);
    }
    return table;
  }

  private static ModuleCompressionChoice asIs(SplitAnalysis analysis) {
    List<ModuleCompressionChoice.Figures> figures = analysis.sizes().packages().stream()
        .map(p -> new ModuleCompressionChoice.Figures(p.name(), p.get(Measure.INSTALLED), p.get(Measure.COMPRESSED), 0))
        .toList();
    return new ModuleCompressionChoice(AS_IS, "module files as the package holds them", figures);
  }

  private static ModuleCompressionChoice exact(ModuleFileCompressor modules, RecompressedModules recompressed,
      SizeMeter meter, Map<String, List<FileContent>> files, Progress progress) throws IOException {
    Map<String, List<FileContent>> rewritten = new TreeMap<>();
    for (Map.Entry<String, List<FileContent>> pkg : files.entrySet()) {
      rewritten.put(pkg.getKey(), recompressed.rewrite(pkg.getValue()));
    }
    SizeSheet sheet = meter.measure(rewritten, progress);
    return new ModuleCompressionChoice(name(modules), modules.label(), sheet.packages().stream()
        .map(p -> new ModuleCompressionChoice.Figures(p.name(), p.get(Measure.INSTALLED), p.get(Measure.COMPRESSED), 0))
        .toList());
  }

  private static ModuleCompressionChoice estimate(ModuleFileCompressor modules, RecompressedModules recompressed,
      SplitAnalysis analysis, List<FileContent> all, Map<String, Long> asIs, Progress progress) throws IOException {
    Map<String, RecompressedModules.Figures> byHash = recompressed.figures(all, progress);
    List<ModuleCompressionChoice.Figures> figures = new ArrayList<>();
    for (PackageSizes pkg : analysis.sizes().packages()) {
      long installed = pkg.get(Measure.INSTALLED);
      long asIsSum = 0;
      long sum = 0;
      long packed = 0;
      long modulesCount = 0;
      for (FileSizes file : pkg.files()) {
        RecompressedModules.Figures module = isModule(file) ? byHash.get(file.sha256()) : null;
        long figure = file.type() == EntryType.FILE ? asIs.get(file.sha256()) : file.installed();
        asIsSum += figure;
        if (module == null) {
          sum += figure;
        } else {
          installed += module.installed() - file.installed();
          modulesCount++;
          if (modules.target() == Compression.NONE) {
            sum += module.alone();
          } else {
            packed += module.alone();
          }
        }
      }
      // a module file compressed already is its own share: the payload gains nothing across such files
      double ratio = asIsSum == 0 ? 1.0 : (double) pkg.get(Measure.COMPRESSED) / asIsSum;
      figures.add(new ModuleCompressionChoice.Figures(pkg.name(), installed, Math.round(sum * ratio) + packed,
          CompressedFigures.bound(sum + packed, ratio, modulesCount)));
    }
    return new ModuleCompressionChoice(name(modules), modules.label(), figures);
  }

  private static boolean isModule(FileSizes file) {
    return file.type() == EntryType.FILE && ModuleFileCompressor.isModule(file.path());
  }

  private static String name(ModuleFileCompressor modules) {
    return modules.target().name().toLowerCase(java.util.Locale.ROOT);
  }
}

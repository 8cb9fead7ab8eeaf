package org.kslim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kslim.budget.Verdict;
import org.kslim.policy.Waiver;
import org.kslim.check.SplitAnalysis;
import org.kslim.kmod.Module;
import org.kslim.pack.WrittenPackage;
import org.kslim.policy.Rule;
import org.kslim.size.CompressorDescription;
import org.kslim.size.FileSizes;
import org.kslim.size.Measure;
import org.kslim.size.PackageSizes;
import org.kslim.split.Cause;
import org.kslim.split.Move;
import org.kslim.split.Placement;
import org.kslim.split.Violation;

/**
 * {@code report.json} of {@code kslim split} and {@code kslim check}: the schema
 * {@code kslim.split/1} documented in {@code docs/report-json.md}. Sizes are exact bytes.
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("report.json"), SplitReportJson.toJson(analysis));
 * }</pre>
 */
public final class SplitReportJson {
  public static final String SCHEMA = "kslim.split/1";


  private SplitReportJson() {}

  public static String toJson(SplitAnalysis analysis) {
    return toJson(analysis, List.of());
  }

  /**
   * The report with each package's {@code written} section: the figures read back from the
   * package written for it ({@code written} is null for a package not written); the meta package
   * under the top-level {@code metaPackage} (null when no packages were written).
   */
  public static String toJson(SplitAnalysis analysis, List<WrittenPackage> written) {
    return toJson(analysis, written, ReportSections.NONE);
  }

  /**
   * As {@link #toJson(SplitAnalysis, List)}, with the {@code sections} beyond the analysis: the
   * what-if table ({@code whatif}), the trend ({@code history}, {@code historyBudgets}) and the
   * creep limits ({@code creep}); a key is left out when its section is.
   */
  public static String toJson(SplitAnalysis analysis, List<WrittenPackage> written, ReportSections sections) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("passed", analysis.passed());
    root.put("input", Map.of(
        "name", analysis.packageInfo().name(),
        "version", analysis.packageInfo().version(),
        "release", analysis.packageInfo().release(),
        "architecture", analysis.packageInfo().architecture()));
    root.put("kernelVersion", analysis.modules().kernelVersion());
    root.put("policy", Map.of("source", analysis.policy().source(), "format", analysis.policy().format().name().toLowerCase(Locale.ROOT)));
    root.put("core", analysis.split().core());
    root.put("image", analysis.split().image());
    List<Object> packages = new ArrayList<>();
    for (String name : analysis.split().packages()) {
      Map<String, Object> json = packageJson(analysis, name);
      json.put("written", written.stream().filter(w -> w.part().equals(name)).findFirst()
          .map(SplitReportJson::writtenJson).orElse(null));
      packages.add(json);
    }
    root.put("packages", packages);
    root.put("metaPackage", written.stream().filter(w -> w.part().isEmpty()).findFirst()
        .map(SplitReportJson::writtenJson).orElse(null));
    root.put("moves", analysis.split().moves().stream().map(SplitReportJson::moveJson).toList());
    root.put("violations", analysis.split().violations().stream().map(SplitReportJson::violationJson).toList());
    root.put("expiredWaivers", analysis.budgets().expiredWaivers().stream().map(SplitReportJson::waiverJson).toList());
    root.put("warnings", analysis.warnings());
    root.put("modules", modulesJson(analysis));
    ReportSectionsJson.put(root, analysis, sections);
    return JsonText.write(root, "the split report") + "\n";
  }

  private static Map<String, Object> packageJson(SplitAnalysis analysis, String name) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("modules", analysis.split().modules(name).size());
    Optional<PackageSizes> sizes = analysis.sizes().find(name);
    Map<String, Object> measures = new LinkedHashMap<>();
    for (Measure measure : Measure.values()) {
      measures.put(measure.key(), sizes.map(s -> s.get(measure)).orElse(0L));
    }
    json.put("measures", measures);
    json.put("payloadBytes", sizes.map(PackageSizes::payloadBytes).orElse(0L));
    json.put("compressor", sizes.map(s -> compressorJson(s.compressor())).orElse(null));
    json.put("budgets", analysis.budgets().verdicts().stream()
        .filter(v -> v.pkg().equals(name)).map(SplitReportJson::verdictJson).toList());
    return json;
  }

  private static Map<String, Object> writtenJson(WrittenPackage written) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", written.name());
    json.put("file", written.file().getFileName().toString());
    json.put("fileBytes", written.fileBytes());
    json.put("payloadBytes", written.payloadBytes());
    json.put(written.installedMeasure().key(), written.installed());
    return json;
  }

  private static Map<String, Object> compressorJson(CompressorDescription compressor) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", compressor.label());
    json.put("algorithm", compressor.algorithm());
    json.put("level", compressor.level());
    json.put("implementation", compressor.implementation());
    json.put("version", compressor.version());
    json.put("threads", compressor.threads());
    json.put("blockSize", compressor.blockSize());
    json.put("overlapLog", compressor.overlapLog());
    return json;
  }

  private static Map<String, Object> verdictJson(Verdict verdict) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("measure", verdict.measure().key());
    json.put("budget", verdict.budget());
    json.put("limit", verdict.limit());
    json.put("actual", verdict.actual());
    json.put("headroom", verdict.headroom());
    json.put("headroomPercent", Math.round(verdict.headroomPercent() * 100) / 100.0);
    json.put("waiver", verdict.waiver().map(SplitReportJson::waiverJson).orElse(null));
    json.put("pass", verdict.pass());
    return json;
  }

  private static Map<String, Object> waiverJson(Waiver waiver) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("package", waiver.pkg());
    json.put("measure", waiver.measure().key());
    json.put("allow", waiver.allow());
    json.put("reason", waiver.reason());
    json.put("approvedBy", waiver.approvedBy());
    json.put("expires", waiver.expires().toString());
    return json;
  }

  /** A move as report.json writes it: module, wanted, actual, rule and chain. */
  public static Map<String, Object> moveJson(Move move) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("module", move.module());
    json.put("wanted", move.wanted());
    json.put("actual", move.actual());
    json.put("rule", ruleJson(Optional.of(move.rule())));
    json.put("chain", move.chain().stream().map(SplitReportJson::causeJson).toList());
    return json;
  }

  private static Map<String, Object> causeJson(Cause cause) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("module", cause.module());
    json.put("relation", cause.relation() == Cause.Relation.NEEDS_IT ? "needs-it" : "needed-by-it");
    json.put("package", cause.pkg());
    json.put("rule", ruleJson(cause.rule()));
    return json;
  }

  /** A rule as report.json writes it (match, package, exact, reason, where), or null. */
  public static Object ruleJson(Optional<Rule> rule) {
    return rule.map(r -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("match", r.matcher().toString());
      json.put("package", r.pkg());
      json.put("exact", r.exact());
      json.put("reason", r.reason().orElse(null));
      json.put("where", r.where().toString());
      return json;
    }).orElse(null);
  }

  private static Map<String, Object> violationJson(Violation violation) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", violation.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.put("subject", violation.subject());
    json.put("message", violation.message());
    json.put("where", violation.where().map(Object::toString).orElse(null));
    return json;
  }

  private static List<Object> modulesJson(SplitAnalysis analysis) {
    String root = analysis.modules().modulesRoot() + "/";
    List<Object> modules = new ArrayList<>();
    for (Module module : analysis.modules().modules()) {
      Placement placement = analysis.split().explain(module.path());
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("path", module.path());
      json.put("name", module.name());
      json.put("package", placement.pkg());
      json.put("rule", ruleJson(placement.rule()));
      json.put("moved", placement.move().isPresent());
      json.put("storedBytes", module.storedSize());
      json.put("uncompressedBytes", module.size());
      Optional<FileSizes> file = analysis.sizes().find(placement.pkg()).flatMap(s -> s.file(root + module.path()));
      json.put("installedKib", file.map(FileSizes::installedKib).orElse(null));
      json.put("diskBytes", file.map(FileSizes::disk).orElse(null));
      json.put("compressedShareBytes", file.flatMap(f -> f.compressedShare().isPresent()
          ? Optional.of(f.compressedShare().getAsLong()) : Optional.empty()).orElse(null));
      modules.add(json);
    }
    return modules;
  }
}

package org.kslim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.kslim.history.BuildDiff;
import org.kslim.history.BuildInfo;
import org.kslim.history.HistoryPoint;
import org.kslim.history.ModuleChange;
import org.kslim.history.PackageHistory;
import org.kslim.history.SizeChange;
import org.kslim.history.SizeHistory;

/**
 * The {@code --json} form of {@code kslim diff} ({@code kslim.diff/1}) and {@code kslim history}
 * ({@code kslim.history/1}): the same content as their tables, sizes in exact bytes (KiB for
 * {@code installed-kib}), every change as {@code before} and {@code after}.
 *
 * <pre>{@code
 * System.out.println(HistoryJson.diff(BuildDiff.between(store.load(3), store.load(4))));
 * }</pre>
 */
public final class HistoryJson {
  public static final String DIFF_SCHEMA = "kslim.diff/1";
  public static final String HISTORY_SCHEMA = "kslim.history/1";

  private HistoryJson() {}

  public static String diff(BuildDiff diff) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", DIFF_SCHEMA);
    root.put("old", buildJson(diff.oldBuild()));
    root.put("new", buildJson(diff.newBuild()));
    root.put("packages", diff.packages().stream().map(p -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("key", p.key());
      json.put("oldName", p.oldName());
      json.put("newName", p.newName());
      json.put("sizes", changes(p.sizes(), m -> m.key()));
      return json;
    }).toList());
    root.put("subsystems", diff.subsystems().stream().map(s -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("directory", s.directory());
      json.put("added", s.added());
      json.put("removed", s.removed());
      json.put("sizes", changes(s.sizes(), m -> m.key()));
      return json;
    }).toList());
    root.put("modules", modules(diff.modules()));
    root.put("moves", modules(diff.moves()));
    root.put("reasons", diff.reasons().stream().map(r -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("rule", r.rule());
      json.put("package", r.pkg());
      json.put("oldReason", r.oldReason().orElse(null));
      json.put("newReason", r.newReason().orElse(null));
      return json;
    }).toList());
    return write(root);
  }

  public static String history(SizeHistory history) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", HISTORY_SCHEMA);
    root.put("packages", history.packages().stream().map(HistoryJson::packageJson).toList());
    return write(root);
  }

  private static Map<String, Object> packageJson(PackageHistory pkg) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", pkg.key());
    json.put("budget", JsonText.byKey(pkg.budget()));
    json.put("reasons", pkg.reasons().stream().map(r -> Map.of("position", r.position(), "rule", r.rule(),
        "package", r.pkg(), "reason", r.reason())).toList());
    json.put("points", pkg.points().stream().map(HistoryJson::pointJson).toList());
    return json;
  }

  private static Map<String, Object> pointJson(HistoryPoint point) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("build", buildJson(point.build()));
    json.put("package", point.pkg());
    json.put("sizes", JsonText.byKey(point.sizes()));
    return json;
  }

  private static List<Object> modules(List<ModuleChange> modules) {
    return modules.stream().map(m -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("path", m.path());
      json.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
      json.put("oldPackage", m.oldPkg());
      json.put("newPackage", m.newPkg());
      json.put("sizes", changes(m.sizes(), k -> k.key()));
      return (Object) json;
    }).toList();
  }

  private static <K extends Enum<K>> Map<String, Object> changes(Map<K, SizeChange> sizes, Function<K, String> key) {
    Map<String, Object> json = new LinkedHashMap<>();
    sizes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> json.put(key.apply(e.getKey()),
        Map.of("before", e.getValue().before(), "after", e.getValue().after())));
    return json;
  }

  private static Map<String, Object> buildJson(BuildInfo build) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", build.label());
    json.put("id", build.id() == 0 ? null : build.id());
    json.put("kernelVersion", build.kernelVersion());
    json.put("flavour", build.flavour());
    json.put("architecture", build.architecture());
    json.put("input", build.inputName());
    json.put("inputSha256", build.inputSha256());
    json.put("recordedAt", build.id() == 0 ? null : build.recordedAt().toString());
    return json;
  }

  private static String write(Object root) {
    return JsonText.write(root, "the history");
  }
}

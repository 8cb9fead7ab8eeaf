package org.kslim.boot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code kslim cover} prints: a table of every need of every profile and what meets it, or
 * the same as JSON ({@code kslim.cover/1}).
 *
 * <pre>{@code
 * CoverageReport.printText(coverage, new PrintWriter(System.out, true));
 * String json = CoverageReport.json(coverage);
 * }</pre>
 */
public final class CoverageReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CoverageReport() {}

  public static void printText(Coverage coverage, PrintWriter out) {
    out.printf(Locale.ROOT, "kernel %s, core package %s, profiles %s%n%n", coverage.kernelVersion(), coverage.core(),
        String.join(", ", coverage.profiles()));
    out.printf(Locale.ROOT, "%-13s %-10s %-24s %-17s %s%n", "profile", "kind", "need", "status", "met by");
    for (CoverItem item : coverage.items()) {
      out.printf(Locale.ROOT, "%-13s %-10s %-24s %-17s %s%n", item.profile(), item.kind().name().toLowerCase(Locale.ROOT),
          item.name(), status(item), binders(item.binders()));
    }
    out.println();
    for (CoverItem failure : coverage.failures()) {
      out.println("FAIL " + failure.profile() + ": " + describe(failure));
    }
    out.println(coverage.passed() ? "PASS" : "FAIL");
    out.flush();
  }

  private static String status(CoverItem item) {
    String status = item.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
    return item.optional() && item.status() != CoverItem.Status.CORE ? status + "(opt)" : status;
  }

  /** One line naming a need that core does not meet, and why. */
  public static String describe(CoverItem item) {
    String what = item.kind() == CoverItem.Kind.DEVICE
        ? "device " + item.name() + " (" + item.key() + ")"
        : item.kind().name().toLowerCase(Locale.ROOT) + " " + item.name();
    return switch (item.status()) {
      case CORE -> what + " is met by " + binders(item.binders());
      case OUTSIDE_CORE -> what + " is met only outside core, by " + binders(item.binders());
      case MISSING -> what + " is met by no module or built-in alias (a built-in driver without aliases cannot be seen)";
    };
  }

  private static String binders(List<Binder> binders) {
    return binders.isEmpty() ? "-"
        : binders.stream().map(b -> b.module() + " (" + b.pkg() + ")").collect(Collectors.joining(", "));
  }

  public static String json(Coverage coverage) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", "kslim.cover/1");
    root.put("kernelVersion", coverage.kernelVersion());
    root.put("core", coverage.core());
    root.put("profiles", coverage.profiles());
    root.put("passed", coverage.passed());
    root.put("items", coverage.items().stream().map(CoverageReport::item).toList());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the coverage as JSON", e);
    }
  }

  private static Map<String, Object> item(CoverItem item) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("profile", item.profile());
    map.put("kind", item.kind().name().toLowerCase(Locale.ROOT));
    map.put("name", item.name());
    map.put("key", item.key());
    map.put("status", item.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    map.put("optional", item.optional());
    map.put("binders", item.binders().stream().map(b -> Map.of("module", b.module(), "path", b.path(), "package", b.pkg()))
        .toList());
    return map;
  }
}

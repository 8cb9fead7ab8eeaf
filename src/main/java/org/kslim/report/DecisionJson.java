package org.kslim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kslim.decide.Explanation;
import org.kslim.decide.ModuleCompressionChoice;
import org.kslim.decide.Selector;
import org.kslim.decide.Suggestion;
import org.kslim.decide.WhatIfOutcome;
import org.kslim.split.Placement;

/**
 * The {@code --json} form of {@code kslim whatif}, {@code suggest} and {@code explain}. Sizes are
 * bytes (KiB for {@code installed-kib}); every change comes with its error bound ({@code 0}: exact).
 *
 * <pre>{@code
 * System.out.println(DecisionJson.whatIf(outcome));
 * }</pre>
 */
public final class DecisionJson {
  private DecisionJson() {}

  public static String whatIf(WhatIfOutcome o) {
    return write(whatIfMap(o));
  }

  public static String suggestions(List<Suggestion> ranked) {
    return write(Map.of("suggestions", ranked.stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("selectors", s.selectors().stream().map(Selector::text).toList());
      m.put("fits", s.fits());
      m.put("excess", JsonText.byKey(s.excess()));
      m.put("largest", s.largest());
      m.put("outcome", whatIfMap(s.outcome()));
      return m;
    }).toList()));
  }

  /** {@code {"choices": [{"name", "how", "packages": [{"package", "installed", "compressed", "compressedBound"}]}]}}. */
  public static String moduleCompression(List<ModuleCompressionChoice> choices) {
    return write(Map.of("choices", choices.stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("how", c.how());
      m.put("packages", c.packages().stream().map(f -> {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("package", f.pkg());
        p.put("installed", f.installed());
        p.put("compressed", f.compressed());
        p.put("compressedBound", f.compressedBound());
        return p;
      }).toList());
      return m;
    }).toList()));
  }

  public static String explanation(Explanation e) {
    Placement p = e.placement();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("module", p.module());
    m.put("name", p.name());
    m.put("package", p.pkg());
    m.put("rule", SplitReportJson.ruleJson(p.rule()));
    m.put("move", p.move().map(SplitReportJson::moveJson).orElse(null));
    m.put("needs", e.needs().stream().map(n -> Map.of("module", n.module(), "package", n.pkg())).toList());
    m.put("neededBy", e.neededBy().stream().map(n -> Map.of("module", n.module(), "package", n.pkg())).toList());
    return write(m);
  }

  private static Map<String, Object> whatIfMap(WhatIfOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", o.from());
    m.put("to", o.to().orElse(null));
    m.put("selected", o.selected());
    m.put("heldBack", o.heldBack().stream().map(h -> Map.of("module", h.module(), "neededBy", h.neededBy(),
        "package", h.pkg())).toList());
    m.put("moved", o.moved());
    m.put("changes", o.changes().stream().map(c -> Map.of("package", c.pkg(), "before", JsonText.byKey(c.before()),
        "delta", JsonText.byKey(c.delta()), "bound", JsonText.byKey(c.bound()))).toList());
    m.put("breaks", o.breaks().stream().map(b -> Map.of("module", b.module(), "package", b.pkg(), "needs", b.needs())).toList());
    m.put("refusals", o.refusals().stream().map(r -> Map.of("module", r.module(), "package", r.requirement().pkg(),
        "reason", r.requirement().reason(), "where", r.requirement().where().toString())).toList());
    m.put("acceptable", o.acceptable());
    return m;
  }

  private static String write(Object value) {
    return JsonText.write(value, "a decision");
  }

}

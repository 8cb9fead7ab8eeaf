package org.kslim.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kslim.size.Measure;

/** Reads the {@code budgets:} and {@code waivers:} sections of a kslim policy. */
final class LimitReader {
  private static final String PER_RELEASE = "per-release";
  private static final String WINDOW = "window";
  private static final String RELEASES = "releases";
  private static final Set<String> CREEP_KEYS = Set.of(PER_RELEASE, WINDOW);
  private static final Set<String> WAIVER_KEYS = Set.of("package", "measure", "allow", "reason", "approved-by", "expires");

  private final PolicySyntax syntax;
  private final Set<String> declared;

  LimitReader(PolicySyntax syntax, Set<String> declared) {
    this.syntax = syntax;
    this.declared = Set.copyOf(declared);
  }

  Map<String, Map<Measure, Long>> budgets(YamlNode section) {
    Map<String, Map<Measure, Long>> budgets = new LinkedHashMap<>();
    for (YamlNode.Entry entry : syntax.mapping(section, "budgets").entries()) {
      syntax.checkDeclared(declared, entry.key(), entry.line());
      Map<Measure, Long> limits = new EnumMap<>(Measure.class);
      for (YamlNode.Entry limit : syntax.mapping(entry.value(), "the budgets of " + entry.key()).entries()) {
        if (CREEP_KEYS.contains(limit.key())) {
          continue;
        }
        Measure measure = measure(limit.key(), limit.line());
        limits.put(measure, quantity(limit.value(), measure));
      }
      budgets.put(entry.key(), limits);
    }
    return budgets;
  }

  /** The {@code per-release:} and {@code window:} limits under each package of {@code budgets:}. */
  List<CreepLimit> creepLimits(YamlNode section) {
    List<CreepLimit> limits = new ArrayList<>();
    for (YamlNode.Entry entry : syntax.mapping(section, "budgets").entries()) {
      for (YamlNode.Entry limit : syntax.mapping(entry.value(), "the budgets of " + entry.key()).entries()) {
        if (CREEP_KEYS.contains(limit.key())) {
          limits.addAll(creepLimits(entry.key(), limit));
        }
      }
    }
    return limits;
  }

  private List<CreepLimit> creepLimits(String pkg, YamlNode.Entry section) {
    YamlNode.Mapping mapping = syntax.mapping(section.value(), section.key() + " of " + pkg);
    int releases = 1;
    if (section.key().equals(WINDOW)) {
      YamlNode.Entry count = mapping.entry(RELEASES)
          .orElseThrow(() -> syntax.error(section.line(), "a window needs 'releases' (how many releases it spans)"));
      releases = releases(syntax.text(count.value(), RELEASES), count.line());
    }
    List<CreepLimit> limits = new ArrayList<>();
    for (YamlNode.Entry growth : mapping.entries()) {
      if (!growth.key().equals(RELEASES)) {
        Measure measure = measure(growth.key(), growth.line());
        limits.add(new CreepLimit(pkg, measure, releases, growth(growth.value(), measure), syntax.at(growth.line())));
      }
    }
    return limits;
  }

  private int releases(String text, int line) {
    if (!text.matches("\\d{1,6}") || Integer.parseInt(text) < 2) {
      throw syntax.error(line, "releases must be a whole number of at least 2: " + text);
    }
    return Integer.parseInt(text);
  }

  private Growth growth(YamlNode node, Measure measure) {
    String text = syntax.text(node, measure.key()).trim();
    if (!text.endsWith("%")) {
      return Growth.amount(quantity(node, measure));
    }
    String number = text.substring(0, text.length() - 1).trim();
    if (!number.matches("\\d{1,9}(\\.\\d{1,9})?")) {
      throw syntax.error(node.line(), "malformed percentage '" + text + "' (write e.g. 2% or 0.5%)");
    }
    return Growth.percent(new BigDecimal(number));
  }

  List<Waiver> waivers(YamlNode section) {
    List<Waiver> waivers = new ArrayList<>();
    for (YamlNode item : syntax.sequence(section, "waivers")) {
      YamlNode.Mapping waiver = syntax.mapping(item, "a waiver");
      syntax.onlyKeys(waiver, WAIVER_KEYS, "a waiver");
      String pkg = syntax.required(waiver, "package", "a waiver");
      syntax.checkDeclared(declared, pkg, waiver.line());
      YamlNode.Entry measureEntry = waiver.entry("measure")
          .orElseThrow(() -> syntax.error(waiver.line(), "a waiver needs 'measure'"));
      Measure measure = measure(syntax.text(measureEntry.value(), "measure"), measureEntry.line());
      YamlNode allow = waiver.get("allow").orElseThrow(() -> syntax.error(waiver.line(), "a waiver needs 'allow'"));
      String reason = syntax.required(waiver, "reason", "a waiver");
      String approvedBy = syntax.required(waiver, "approved-by", "a waiver");
      if (waiver.get("expires").isEmpty()) {
        throw syntax.error(waiver.line(), "a waiver needs 'expires' (YYYY-MM-DD): waivers without expiry are not accepted");
      }
      waivers.add(new Waiver(pkg, measure, quantity(allow, measure), reason, approvedBy,
          date(waiver.get("expires").orElseThrow()), syntax.at(waiver.line())));
    }
    return waivers;
  }

  private LocalDate date(YamlNode node) {
    String text = syntax.text(node, "expires");
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw syntax.error(node.line(), "expires must be a date YYYY-MM-DD: " + text);
    }
  }

  private Measure measure(String key, int line) {
    try {
      return Measure.ofKey(key);
    } catch (IllegalArgumentException e) {
      throw syntax.error(line, e.getMessage());
    }
  }

  private long quantity(YamlNode node, Measure measure) {
    String text = syntax.text(node, measure.key());
    try {
      return Quantity.parse(text, measure);
    } catch (IllegalArgumentException e) {
      throw syntax.error(node.line(), e.getMessage());
    }
  }

}

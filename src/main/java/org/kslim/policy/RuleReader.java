package org.kslim.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code rules:} and {@code require:} sections of a policy. */
final class RuleReader {
  private static final Set<String> MATCHER_KEYS = Set.of("module", "modalias", "path");
  private static final Set<String> KSLIM_RULE_KEYS =
      Set.of("reason", "exact_pkg", "if_variant_in", "default", "module", "modalias", "path", "package");
  private static final Set<String> FEDORA_RULE_KEYS = Set.of("exact_pkg", "if_variant_in", "default");
  private static final Set<String> REQUIREMENT_KEYS = Set.of("module", "modalias", "path", "package", "reason", "optional");
  private static final String REGEX_SIGNS = "/.*[(\\";

  private final PolicySyntax syntax;
  private final boolean kslim;
  private final Set<String> declared;

  RuleReader(PolicySyntax syntax, boolean kslim, Set<String> declared) {
    this.syntax = syntax;
    this.kslim = kslim;
    this.declared = Set.copyOf(declared);
  }

  List<Rule> rules(YamlNode section) {
    List<Rule> rules = new ArrayList<>();
    for (YamlNode item : syntax.sequence(section, "rules")) {
      YamlNode.Mapping rule = syntax.mapping(item, "a rule");
      rules.addAll(kslim ? List.of(kslimRule(rule)) : fedoraRules(rule));
    }
    return rules;
  }

  List<Requirement> requirements(YamlNode section) {
    List<Requirement> requirements = new ArrayList<>();
    for (YamlNode item : syntax.sequence(section, "require")) {
      YamlNode.Mapping entry = syntax.mapping(item, "a requirement");
      syntax.onlyKeys(entry, REQUIREMENT_KEYS, "a requirement");
      List<YamlNode.Entry> matchers = entry.entries().stream().filter(e -> MATCHER_KEYS.contains(e.key())).toList();
      if (matchers.size() != 1) {
        throw syntax.error(entry.line(), "a requirement names exactly one of module, modalias, path; found "
            + matchers.size());
      }
      String pkg = syntax.required(entry, "package", "a requirement");
      syntax.checkDeclared(declared, pkg, entry.entry("package").orElseThrow().line());
      boolean optional = entry.get("optional").map(node -> syntax.bool(node, "optional")).orElse(false);
      requirements.add(new Requirement(matcher(matchers.get(0)), pkg,
          syntax.required(entry, "reason", "a requirement"), optional, syntax.at(entry.line())));
    }
    return requirements;
  }

  private List<Rule> fedoraRules(YamlNode.Mapping rule) {
    boolean exact = exact(rule);
    VariantCondition variants = variants(rule);
    List<Rule> rules = new ArrayList<>();
    for (YamlNode.Entry entry : rule.entries()) {
      if (KSLIM_RULE_KEYS.contains(entry.key()) && !FEDORA_RULE_KEYS.contains(entry.key())) {
        throw syntax.error(entry.line(), "unknown key '" + entry.key()
            + "' in a Fedora rule file (write 'kslim: 1' at the top to use the kslim format)");
      }
      if (!FEDORA_RULE_KEYS.contains(entry.key()) || entry.key().equals("default")) {
        rules.add(new Rule(matcher(entry), pkg(entry), exact, variants, Optional.empty(), syntax.at(entry.line())));
      }
    }
    return rules;
  }

  private Rule kslimRule(YamlNode.Mapping rule) {
    List<YamlNode.Entry> matchers = new ArrayList<>();
    for (YamlNode.Entry entry : rule.entries()) {
      boolean regexKey = !KSLIM_RULE_KEYS.contains(entry.key());
      if (regexKey && entry.key().chars().noneMatch(c -> REGEX_SIGNS.indexOf(c) >= 0)) {
        throw syntax.error(entry.line(), "unknown key '" + entry.key()
            + "' in a rule (a path regex key contains '/' or regex syntax)");
      }
      if (regexKey || entry.key().equals("default") || MATCHER_KEYS.contains(entry.key())) {
        matchers.add(entry);
      }
    }
    if (matchers.size() != 1) {
      throw syntax.error(rule.line(), "a rule has exactly one matcher (REGEX: package, default: package, "
          + "module:, modalias: or path: with package:); found " + matchers.size());
    }
    YamlNode.Entry matcher = matchers.get(0);
    boolean separatePackage = MATCHER_KEYS.contains(matcher.key());
    Optional<YamlNode.Entry> packageEntry = rule.entry("package");
    if (separatePackage != packageEntry.isPresent()) {
      throw syntax.error(rule.line(), separatePackage
          ? "a '" + matcher.key() + ":' rule needs 'package:'"
          : "'package:' goes with module:, modalias: or path:, not with '" + matcher.key() + ":'");
    }
    String reason = rule.get("reason").map(node -> syntax.text(node, "reason"))
        .orElseThrow(() -> syntax.error(rule.line(), "rule '" + matcher.key() + "' has no reason"));
    return new Rule(matcher(matcher), pkg(packageEntry.orElse(matcher)), exact(rule), variants(rule),
        Optional.of(reason), syntax.at(matcher.line()));
  }

  private boolean exact(YamlNode.Mapping rule) {
    return rule.get("exact_pkg").map(node -> syntax.bool(node, "exact_pkg")).orElse(false);
  }

  private VariantCondition variants(YamlNode.Mapping mapping) {
    return new VariantCondition(mapping.get("if_variant_in").map(node -> syntax.texts(node, "if_variant_in")));
  }

  private String pkg(YamlNode.Entry entry) {
    String pkg = syntax.text(entry.value(), "the package of '" + entry.key() + "'");
    syntax.checkDeclared(declared, pkg, entry.line());
    return pkg;
  }


  private Matcher matcher(YamlNode.Entry entry) {
    String key = entry.key();
    if (key.equals("default")) {
      return Matcher.DEFAULT;
    }
    String pattern = MATCHER_KEYS.contains(key) ? syntax.text(entry.value(), key) : key;
    try {
      return switch (key) {
        case "module" -> Matcher.moduleGlob(pattern);
        case "modalias" -> Matcher.modaliasGlob(pattern);
        default -> Matcher.pathRegex(pattern);
      };
    } catch (PatternSyntaxException e) {
      throw syntax.error(entry.line(), "invalid regex '" + pattern + "': " + e.getDescription()
          + " near index " + e.getIndex());
    }
  }
}

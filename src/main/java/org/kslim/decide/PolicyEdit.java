package org.kslim.decide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kslim.UsageException;
import org.kslim.policy.Matcher;
import org.kslim.policy.PolicyFormat;
import org.kslim.policy.Rule;
import org.kslim.split.Placement;

/**
 * Writes a move as policy rules: for each rule that now places selected modules in the package
 * they leave, a new rule right before it, selecting the same modules (a directory selector
 * narrows the rule's regex with a lookahead on the directory), sending them to the receiving
 * package; and for each module that only the moved ones needed, a rule naming its path, right
 * before the rule that places it now, so that the policy moves what {@link WhatIf} predicts. Selected modules the move holds back (a staying module needs them, see
 * {@link WhatIf}) are left out of the new rule by a negative lookahead each, so they stay under
 * their rule instead of being pulled back as unapproved moves. The rest of the file is kept as
 * written; the reason goes in a {@code reason:} key (kslim format) or a comment (Fedora's rule
 * files have no reasons).
 *
 * <pre>{@code
 * String edited = PolicyEdit.apply(Files.readString(policyFile), whatIf,
 *     List.of(new Selector("kernel/drivers/gpu")), "modules-core", "modules", "saves 40 MiB (2026-11-26)");
 * }</pre>
 */
public final class PolicyEdit {
  private PolicyEdit() {}

  /** {@code text} with the rules that move what {@code selectors} name from {@code from} to {@code to}. */
  public static String apply(String text, WhatIf whatIf, List<Selector> selectors, String from, String to, String reason) {
    if (to == null || WhatIf.NONE.equals(to)) {
      throw new UsageException("a policy can only move modules to a package, not drop them: --to " + to);
    }
    WhatIfOutcome outcome = whatIf.evaluate(selectors, from, to);
    Set<String> held = new HashSet<>();
    outcome.heldBack().forEach(h -> held.add(h.module()));
    Map<Integer, List<String>> patterns = new TreeMap<>();
    List<Rule> rules = whatIf.analysis().policy().rules();
    List<String> paths = List.copyOf(whatIf.analysis().split().placements().keySet());
    for (Selector selector : selectors) {
      Selector.Kind kind = selector.kind(rules, paths);
      Map<Rule, List<String>> heldByRule = new LinkedHashMap<>();
      for (String module : whatIf.select(List.of(selector), from)) {
        Placement placement = whatIf.analysis().split().explain(module);
        if (placement.move().isEmpty() && placement.rule().isPresent()) {
          List<String> kept = heldByRule.computeIfAbsent(placement.rule().get(), r -> new ArrayList<>());
          if (held.contains(module)) {
            kept.add(module);
          }
        }
      }
      heldByRule.forEach((rule, kept) -> add(patterns, rule, pattern(selector, kind, rule, kept)));
    }
    // what only the moved modules needed leaves with them: one rule naming each, before its own rule
    for (String module : outcome.moved()) {
      Placement placement = whatIf.analysis().split().explain(module);
      if (!outcome.selected().contains(module) && placement.move().isEmpty() && placement.rule().isPresent()) {
        add(patterns, placement.rule().get(), escaped(withoutFirstSegment(module)));
      }
    }
    boolean fedora = whatIf.analysis().policy().format() == PolicyFormat.FEDORA;
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    List<Integer> at = new ArrayList<>(patterns.keySet());
    for (int i = at.size() - 1; i >= 0; i--) {
      int item = itemLine(lines, at.get(i) - 1);
      String indent = lines.get(item).substring(0, lines.get(item).indexOf('-'));
      List<String> inserted = new ArrayList<>();
      for (String pattern : patterns.get(at.get(i))) {
        String rule = indent + "- " + quoted(pattern) + ": " + to;
        if (fedora) {
          inserted.add(rule + "  # " + reason);
        } else {
          inserted.add(rule);
          inserted.add(indent + "  reason: " + quoted(reason));
        }
      }
      lines.addAll(item, inserted);
    }
    return String.join("\n", lines);
  }

  private static void add(Map<Integer, List<String>> patterns, Rule before, String pattern) {
    List<String> atLine = patterns.computeIfAbsent(before.where().line(), l -> new ArrayList<>());
    if (!atLine.contains(pattern)) {
      atLine.add(pattern);
    }
  }

  /** The regex selecting the modules of {@code rule} that {@code selector} names, but {@code kept}. */
  private static String pattern(Selector selector, Selector.Kind kind, Rule rule, List<String> kept) {
    if (rule.matcher().kind() != Matcher.Kind.PATH_REGEX && !rule.isDefault()) {
      throw new UsageException("rule " + rule + " selects by " + rule.matcher().kind().key()
          + "; only path rules can be narrowed to a selector: " + selector.text());
    }
    String folder = switch (kind) {
      case RULE -> "";
      case DIRECTORY -> withoutFirstSegment(selector.text());
      case KERNEL_DIRECTORY -> selector.text();
      case PATH_GLOB, MODULE -> throw new UsageException("only directories and rules can be written as rules: "
          + selector.text());
    };
    StringBuilder narrowed = new StringBuilder();
    if (!folder.isEmpty()) {
      narrowed.append("(?=").append(escaped(folder.endsWith("/") ? folder : folder + "/")).append(')');
    }
    // rules match the path below its first folder (kernel/, extra/...), compression suffix and all
    kept.forEach(module -> narrowed.append("(?!").append(escaped(withoutFirstSegment(module))).append(')'));
    return narrowed + (rule.isDefault() && narrowed.isEmpty() ? ".*" : rule.matcher().pattern());
  }

  private static String withoutFirstSegment(String directory) {
    int slash = directory.indexOf('/');
    return slash < 0 ? "" : directory.substring(slash + 1);
  }

  /** The first line, at or above {@code line}, that starts a list item. */
  private static int itemLine(List<String> lines, int line) {
    Optional<Integer> item = Optional.empty();
    for (int i = line; i >= 0 && item.isEmpty(); i--) {
      if (lines.get(i).stripLeading().startsWith("- ")) {
        item = Optional.of(i);
      }
    }
    return item.orElseThrow(() -> new IllegalStateException("no list item at or above line " + (line + 1)));
  }

  private static String escaped(String literal) {
    StringBuilder out = new StringBuilder();
    for (char c : literal.toCharArray()) {
      if (".[]{}()*+?^$|\\".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}

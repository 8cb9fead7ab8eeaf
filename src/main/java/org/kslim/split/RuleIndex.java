package org.kslim.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.policy.ModuleRef;
import org.kslim.policy.Rule;

/**
 * Finds the first rule (in file order) of a list that selects a module, without trying every
 * rule: path regexes that start with a plain directory ({@code drivers/...}) are filed under it
 * and tried only on paths whose second segment is that directory.
 */
final class RuleIndex {
  private final List<Rule> rules;
  private final Map<String, int[]> byHead;
  private final int[] general;

  RuleIndex(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Map<String, List<Integer>> heads = new HashMap<>();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Optional<String> head = rules.get(i).matcher().literalHead();
      (head.isPresent() ? heads.computeIfAbsent(head.get(), h -> new ArrayList<>()) : others).add(i);
    }
    byHead = new HashMap<>();
    heads.forEach((head, list) -> byHead.put(head, toArray(list)));
    general = toArray(others);
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The first rule that selects {@code module}. */
  Optional<Rule> first(ModuleRef module) {
    int[] filed = byHead.getOrDefault(head(module.path()), new int[0]);
    int a = 0;
    int b = 0;
    while (a < filed.length || b < general.length) {
      boolean takeFiled = b >= general.length || a < filed.length && filed[a] < general[b];
      Rule rule = rules.get(takeFiled ? filed[a++] : general[b++]);
      if (rule.matcher().matches(module)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** The path's second segment: {@code drivers} for {@code kernel/drivers/net/tun.ko}. */
  private static String head(String path) {
    int first = path.indexOf('/');
    int second = first < 0 ? -1 : path.indexOf('/', first + 1);
    return second < 0 ? "" : path.substring(first + 1, second);
  }
}

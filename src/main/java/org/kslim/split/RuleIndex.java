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
 * and tried only on paths whose second segment is that directory, and a regex runs only on paths
 * that start with its plain prefix.
 */
final class RuleIndex {
  private final List<Rule> rules;
  private final String[] prefixes;
  private final Map<String, int[]> byHead;
  private final int[] general;
  private static final int[] NONE = new int[0];

  RuleIndex(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.prefixes = new String[rules.size()];
    Map<String, List<Integer>> heads = new HashMap<>();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      prefixes[i] = rules.get(i).matcher().literalPrefix();
      int slash = prefixes[i].indexOf('/');
      (slash > 0 ? heads.computeIfAbsent(prefixes[i].substring(0, slash), h -> new ArrayList<>()) : others).add(i);
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
    String path = module.path();
    int start = path.indexOf('/') + 1;
    int second = start == 0 ? -1 : path.indexOf('/', start);
    int[] filed = second < 0 ? NONE : byHead.getOrDefault(path.substring(start, second), NONE);
    int a = 0;
    int b = 0;
    while (a < filed.length || b < general.length) {
      boolean takeFiled = b >= general.length || a < filed.length && filed[a] < general[b];
      int index = takeFiled ? filed[a++] : general[b++];
      if (path.startsWith(prefixes[index], start) && rules.get(index).matcher().matches(module)) {
        return Optional.of(rules.get(index));
      }
    }
    return Optional.empty();
  }
}

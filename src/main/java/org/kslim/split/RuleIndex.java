package org.kslim.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.policy.ModuleRef;
import org.kslim.policy.Rule;

/**
 * Finds the first rule (in file order) of a list that selects a module, without trying every
 * rule. A path regex with a plain prefix ({@code drivers/net/amt} for {@code drivers/net/amt.ko})
 * is filed under the folder part of that prefix ({@code drivers/net}) and tried only on paths in
 * that folder or below, and only when the path starts with the whole prefix; other rules are
 * tried on every module.
 */
final class RuleIndex {
  private static final int[] NONE = new int[0];

  private final List<Rule> rules;
  private final String[] prefixes;
  private final Map<String, int[]> byFolder;
  private final int[] general;

  RuleIndex(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.prefixes = new String[rules.size()];
    Map<String, List<Integer>> folders = new HashMap<>();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      prefixes[i] = rules.get(i).matcher().literalPrefix();
      int slash = prefixes[i].lastIndexOf('/');
      (slash > 0 ? folders.computeIfAbsent(prefixes[i].substring(0, slash), f -> new ArrayList<>()) : others).add(i);
    }
    byFolder = new HashMap<>();
    folders.forEach((folder, list) -> byFolder.put(folder, toArray(list)));
    general = toArray(others);
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The first rule that selects {@code module}. */
  Optional<Rule> first(ModuleRef module) {
    String path = module.path();
    int start = path.indexOf('/') + 1;
    for (int index : candidates(path, start)) {
      if (path.startsWith(prefixes[index], start) && rules.get(index).matcher().matches(module)) {
        return Optional.of(rules.get(index));
      }
    }
    return Optional.empty();
  }

  /** The rules filed under the folders of {@code path} (after its first segment) and the general ones, in file order. */
  private int[] candidates(String path, int start) {
    if (start == 0) {
      return general;
    }
    int[] merged = general;
    for (int slash = path.indexOf('/', start); slash > 0; slash = path.indexOf('/', slash + 1)) {
      int[] filed = byFolder.getOrDefault(path.substring(start, slash), NONE);
      if (filed.length > 0) {
        int[] next = Arrays.copyOf(merged, merged.length + filed.length);
        System.arraycopy(filed, 0, next, merged.length, filed.length);
        merged = next;
      }
    }
    if (merged != general) {
      Arrays.sort(merged);
    }
    return merged;
  }
}

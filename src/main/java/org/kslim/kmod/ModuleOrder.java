package org.kslim.kmod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which module depmod keeps for each name, and the order it lists them in: first those named in
 * {@code modules.order}, in that file's order, then the rest in the order of its hash table of
 * modules by name.
 */
final class ModuleOrder {
  private static final String UPDATES = "updates";

  private ModuleOrder() {}

  /** The chosen modules in depmod's order; a {@link Problem.DuplicateModule} for each name found twice. */
  static List<Module> order(List<Module> modules, List<String> modulesOrder, List<Problem> problems) {
    Map<String, Module> byName = new LinkedHashMap<>();
    Map<String, List<String>> duplicates = new LinkedHashMap<>();
    for (Module module : modules) {
      Module kept = byName.get(module.name());
      if (kept == null) {
        byName.put(module.name(), module);
        continue;
      }
      duplicates.computeIfAbsent(module.name(), name -> new ArrayList<>(List.of(kept.path()))).add(module.path());
      if (searchPriority(module) > searchPriority(kept)) {
        byName.put(module.name(), module);
      }
    }
    duplicates.forEach((name, paths) -> problems.add(new Problem.DuplicateModule(name, paths, byName.get(name).path())));

    List<String> names = new KmodHashOrder(KmodHashOrder.MODULE_BUCKETS).sort(byName.keySet());
    Map<String, Integer> sortIndex = new HashMap<>();
    int total = modulesOrder.size() + 1;
    for (int line = 0; line < modulesOrder.size(); line++) {
      sortIndex.put(modulesOrder.get(line), line + 1 - total);
    }
    // a stable sort by rank: each module's rank in the high half of a number, its place in the low half
    long[] ranked = new long[names.size()];
    for (int i = 0; i < ranked.length; i++) {
      ranked[i] = (long) sortIndex.getOrDefault(orderPath(byName.get(names.get(i))), 1) << 32 | i;
    }
    Arrays.sort(ranked);
    List<Module> ordered = new ArrayList<>(ranked.length);
    for (long rank : ranked) {
      ordered.add(byName.get(names.get((int) rank)));
    }
    return ordered;
  }

  /** depmod's default search list holds only {@code updates}: modules there win over the rest. */
  private static int searchPriority(Module module) {
    return module.path().startsWith(UPDATES) ? 1 : 0;
  }

  /**
   * The path modules.order names a module by: its path with the file name cut after the module
   * name and {@code .ko} put back, so {@code x/a-b.ko.xz} is listed as {@code x/a-b.ko}.
   */
  static String orderPath(Module module) {
    String path = module.path();
    int slash = path.lastIndexOf('/');
    return path.substring(0, Math.min(path.length(), slash + 1 + module.name().length())) + ".ko";
  }
}

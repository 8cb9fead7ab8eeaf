package org.kslim.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kslim.kmod.DependencyGraph;
import org.kslim.kmod.Module;
import org.kslim.policy.Policy;
import org.kslim.policy.PolicyReader;

class PlacementPropertiesTest {
  private static final String PACKAGES = """
      kslim: 1
      packages:
        - name: core
        - name: modules
          depends-on: [core]
        - name: extra
          depends-on: [modules]
        - name: internal
          depends-on: [modules]
        - name: partner
          depends-on: [core]
      """;

  /** The scenario filtermods.py's own largest self-test describes: two branches, pins, wants, default. */
  @Test
  void crossBranchConstraintOverridesAWant() {
    String rules = """
        rules:
          - d/net_bridge.ko: extra
            exact_pkg: true
            reason: pinned
          - d/internal_test.ko: internal
            exact_pkg: true
            reason: pinned
          - d/net_ovs.ko: extra
            reason: wanted in extra
          - d/stor_dm.ko: extra
            reason: wanted in extra
          - d/helper.ko: partner
            reason: wanted by the partner
          - d/partner_drv.ko: partner
            reason: the partner's driver
          - default: modules
            reason: rest
        """;
    String modulesDep = """
        k/d/crypto.ko:
        k/d/net_base.ko: k/d/crypto.ko
        k/d/stor_base.ko: k/d/net_base.ko k/d/crypto.ko
        k/d/stor_raid.ko: k/d/stor_base.ko k/d/net_base.ko k/d/crypto.ko
        k/d/helper.ko:
        k/d/net_virt.ko: k/d/net_base.ko k/d/crypto.ko
        k/d/net_bridge.ko: k/d/net_virt.ko k/d/net_base.ko k/d/crypto.ko
        k/d/net_ovs.ko: k/d/net_virt.ko k/d/net_base.ko k/d/crypto.ko k/d/helper.ko
        k/d/stor_dm.ko: k/d/stor_raid.ko k/d/stor_base.ko k/d/net_base.ko k/d/crypto.ko k/d/helper.ko
        k/d/partner_drv.ko:
        k/d/internal_test.ko:
        """;
    Split split = Splitter.split(ModulesDep.parse(modulesDep, Map.of()), PolicyReader.read(PACKAGES + rules, "p.yaml"), Set.of());

    Map<String, String> expected = Map.ofEntries(Map.entry("net_bridge", "extra"), Map.entry("internal_test", "internal"),
        Map.entry("net_ovs", "extra"), Map.entry("stor_dm", "extra"), Map.entry("partner_drv", "partner"),
        Map.entry("helper", "core"), Map.entry("net_virt", "modules"), Map.entry("net_base", "modules"),
        Map.entry("stor_raid", "modules"), Map.entry("stor_base", "modules"), Map.entry("crypto", "modules"));
    expected.forEach((name, pkg) -> assertThat(split.packageOf("k/d/" + name + ".ko")).as(name).isEqualTo(pkg));
    assertThat(split.moves()).singleElement().satisfies(move -> {
      assertThat(move.name()).isEqualTo("helper");
      assertThat(move.chain().get(0).module()).isEqualTo("k/d/net_ovs.ko");
    });
  }

  /** Random graphs and rules (fixed seed): every module in one package, the invariant holds, runs agree. */
  @Test
  void randomSplitsKeepTheInvariantAndAreDeterministic() {
    Random random = new Random(20261126L);
    String[] packages = {"core", "modules", "extra", "internal", "partner"};
    Policy policy = PolicyReader.read(PACKAGES + randomRules(random, packages), "p.yaml");
    Map<String, Set<String>> below = Map.of("core", Set.of("core"), "modules", Set.of("modules", "core"),
        "extra", Set.of("extra", "modules", "core"), "internal", Set.of("internal", "modules", "core"),
        "partner", Set.of("partner", "core"));
    for (int round = 0; round < 30; round++) {
      DependencyGraph graph = randomGraph(random, 60);
      Split split = Splitter.split(graph, policy, Set.of());

      assertThat(split.placements()).hasSize(graph.modules().size());
      for (Module module : graph.modules()) {
        String pkg = split.packageOf(module.path());
        for (Module needed : graph.dependencies(module)) {
          assertThat(below.get(pkg)).as(module.path() + " needs " + needed.path()).contains(split.packageOf(needed.path()));
        }
      }
      assertThat(Splitter.split(graph, policy, Set.of())).isEqualTo(split);
    }
  }

  private static String randomRules(Random random, String[] packages) {
    StringBuilder rules = new StringBuilder("rules:\n");
    for (int dir = 0; dir < 8; dir++) {
      rules.append("  - d").append(dir).append("/.*: ").append(packages[random.nextInt(packages.length)])
          .append("\n    reason: random\n");
    }
    return rules.append("  - default: modules\n    reason: rest\n").toString();
  }

  /** A DAG over {@code size} modules in 10 folders, dependencies transitively closed as modules.dep writes them. */
  private static DependencyGraph randomGraph(Random random, int size) {
    List<String> paths = new ArrayList<>();
    Map<String, List<String>> needs = new HashMap<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < size; i++) {
      String path = "kernel/d" + random.nextInt(10) + "/m" + i + ".ko";
      List<String> closure = new ArrayList<>();
      for (int edge = random.nextInt(3); edge > 0 && !paths.isEmpty(); edge--) {
        String target = paths.get(random.nextInt(paths.size()));
        for (String reached : concat(target, needs.get(target))) {
          if (!closure.contains(reached)) {
            closure.add(reached);
          }
        }
      }
      paths.add(path);
      needs.put(path, closure);
      text.append(path).append(':').append(closure.isEmpty() ? "" : " " + String.join(" ", closure)).append('\n');
    }
    return ModulesDep.parse(text.toString(), Map.of());
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest);
    all.add(0, first);
    return all;
  }
}

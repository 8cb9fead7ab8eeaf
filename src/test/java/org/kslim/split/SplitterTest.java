package org.kslim.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kslim.BadInputException;
import org.kslim.kmod.DependencyGraph;
import org.kslim.kmod.ModInfo;
import org.kslim.kmod.ModuleSet;
import org.kslim.policy.ModuleRef;
import org.kslim.policy.Policy;
import org.kslim.policy.PolicyReader;
import org.kslim.policy.Rule;

class SplitterTest {
  static final String PACKAGES = """
      kslim: 1
      packages:
        - name: core
        - name: modules
          depends-on: [core]
        - name: extra
          depends-on: [modules]
        - name: internal
          depends-on: [modules]
        - name: rt
          depends-on: [core]
          if_variant_in: [rt]
      """;
  private static final String RULES = """
      rules:
        - drivers/md/.*: core
          reason: software RAID assembles the root disk
        - fs/dlm/.*: extra
          reason: only clusters use dlm
        - net/core/selftests.*: internal
          reason: tests are not shipped
        - arch/kvm.*: rt
          if_variant_in: [rt]
          reason: rt kernels carry their own kvm
        - arch/.*: core
          reason: the platform
        - default: modules
          reason: what no rule claims is optional
      """;
  private static final String GRAPH = """
      kernel/fs/dlm/dlm.ko:
      kernel/drivers/md/md-cluster.ko: kernel/fs/dlm/dlm.ko
      kernel/net/core/selftests.ko:
      kernel/drivers/net/usb/asix.ko: kernel/net/core/selftests.ko
      kernel/arch/kvm.ko:
      kernel/lib/crc.ko:
      """;

  private static DependencyGraph graph(String modulesDep) {
    return ModulesDep.parse(modulesDep, Map.of());
  }

  private static Policy policy(String yaml) {
    return PolicyReader.read(yaml, "p.yaml");
  }

  private static Split split(String yaml, String modulesDep) {
    return Splitter.split(graph(modulesDep), policy(yaml), Set.of());
  }

  @Test
  void movesIntoCoreAreViolationsWithTheirChain() {
    Split split = split(PACKAGES + RULES, GRAPH);

    Placement dlm = split.explain("kernel/fs/dlm/dlm.ko");
    assertThat(dlm.pkg()).isEqualTo("core");
    Move move = dlm.move().orElseThrow();
    assertThat(move.wanted()).isEqualTo("extra");
    assertThat(move.actual()).isEqualTo("core");
    assertThat(move.rule().where().line()).isEqualTo(16);
    assertThat(move.chain()).hasSize(1);
    Cause cause = move.chain().get(0);
    assertThat(cause.module()).isEqualTo("kernel/drivers/md/md-cluster.ko");
    assertThat(cause.relation()).isEqualTo(Cause.Relation.NEEDS_IT);
    assertThat(cause.pkg()).isEqualTo("core");
    assertThat(cause.rule().flatMap(Rule::reason)).contains("software RAID assembles the root disk");
    assertThat(split.violations()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.UNAPPROVED_MOVE_INTO_CORE);
      assertThat(v.subject()).isEqualTo("kernel/fs/dlm/dlm.ko");
      assertThat(v.message()).contains("needed by kernel/drivers/md/md-cluster.ko in core");
    });
  }

  @Test
  void defaultPlacedModulesPulledUpAreMovesToo() {
    Split split = split(PACKAGES + RULES, GRAPH);

    Move asix = split.explain("kernel/drivers/net/usb/asix.ko").move().orElseThrow();
    assertThat(asix.wanted()).isEqualTo("modules");
    assertThat(asix.actual()).isEqualTo("internal");
    assertThat(asix.rule().isDefault()).isTrue();
    assertThat(asix.chain()).extracting(Cause::module, Cause::relation)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kernel/net/core/selftests.ko", Cause.Relation.NEEDED_BY_IT));
    assertThat(split.moves()).extracting(Move::module)
        .containsExactly("kernel/fs/dlm/dlm.ko", "kernel/drivers/net/usb/asix.ko");
    assertThat(split.warnings()).singleElement().asString().startsWith("kernel/drivers/net/usb/asix.ko moved from modules");
    assertThat(split.packageOf("kernel/lib/crc.ko")).isEqualTo("modules");
    assertThat(split.explain("kernel/lib/crc.ko").move()).isEmpty();
  }

  @Test
  void approvedMovesIntoCoreAreNoViolationAndStaleApprovalsAreWarned() {
    String approvals = """
        approve-moves:
          - {module: dlm, package: core, reason: md-cluster needs it, approved-by: storage-team}
          - {module: kernel/lib/crc.ko, package: core, reason: was needed once, approved-by: me}
        """;
    Split split = split(PACKAGES + RULES + approvals, GRAPH);

    assertThat(split.violations()).isEmpty();
    assertThat(split.warnings()).anyMatch(w -> w.startsWith("p.yaml:29: approved move of kernel/lib/crc.ko into core no longer happens"));
  }

  @Test
  void variantsSwitchPackagesAndRules() {
    Policy policy = policy(PACKAGES + RULES);

    assertThat(Splitter.split(graph(GRAPH), policy, Set.of()).packageOf("kernel/arch/kvm.ko")).isEqualTo("core");
    Split rt = Splitter.split(graph(GRAPH), policy, Set.of("rt"));
    assertThat(rt.packageOf("kernel/arch/kvm.ko")).isEqualTo("rt");
    assertThat(rt.packages()).containsExactly("core", "modules", "extra", "internal", "rt");
  }

  @Test
  void exactRulesPinBeforeAnyWantingRule() {
    String rules = """
        rules:
          - drivers/y/.*: modules
            reason: wanted first in file order
          - drivers/y/z.*: core
            exact_pkg: true
            reason: but pinned
          - drivers/x/.*: extra
            exact_pkg: true
            reason: pinned to extra
          - default: modules
            reason: rest
        """;
    Split split = split(PACKAGES + rules, """
        kernel/lib/b.ko:
        kernel/drivers/x/a.ko: kernel/lib/b.ko
        kernel/drivers/y/z.ko:
        kernel/drivers/y/w.ko:
        """);

    assertThat(split.packageOf("kernel/drivers/y/z.ko")).isEqualTo("core");
    assertThat(split.packageOf("kernel/drivers/y/w.ko")).isEqualTo("modules");
    assertThat(split.packageOf("kernel/drivers/x/a.ko")).isEqualTo("extra");
    assertThat(split.packageOf("kernel/lib/b.ko")).isEqualTo("modules");
    assertThat(split.explain("kernel/drivers/y/z.ko").rule().orElseThrow().exact()).isTrue();
    assertThat(split.moves()).isEmpty();
  }

  @Test
  void conflictingPinsFailNamingTheModules() {
    String rules = """
        rules:
          - drivers/c/.*: core
            exact_pkg: true
            reason: pinned low
          - drivers/d/.*: extra
            exact_pkg: true
            reason: pinned high
        """;
    assertThatThrownBy(() -> split(PACKAGES + rules, "kernel/drivers/d/d.ko:\nkernel/drivers/c/c.ko: kernel/drivers/d/d.ko\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("fit no package")
        .hasMessageContaining("kernel/drivers/c/c.ko (rule drivers/c/.* -> core (exact) (p.yaml:")
        .hasMessageContaining("kernel/drivers/d/d.ko");
  }

  @Test
  void modulesWithTheSameFileNameAreBothKept() {
    String rules = """
        rules:
          - drivers/a/.*: core
            reason: a
          - drivers/b/.*: extra
            reason: b
        """;
    Split split = split(PACKAGES + rules, "kernel/drivers/a/foo.ko:\nkernel/drivers/b/foo.ko:\n");

    assertThat(split.modules("core")).containsExactly("kernel/drivers/a/foo.ko");
    assertThat(split.modules("extra")).containsExactly("kernel/drivers/b/foo.ko");
  }

  @Test
  void tiesAreBrokenByDeclarationOrderEveryTime() {
    String yaml = """
        kslim: 1
        packages:
          - name: core
          - name: right
            depends-on: [core]
          - name: left
            depends-on: [core]
        """;
    String modulesDep = "kernel/a.ko:\nkernel/b.ko: kernel/a.ko\nkernel/c.ko:\n";
    Split first = split(yaml, modulesDep);

    assertThat(first.packageOf("kernel/b.ko")).isEqualTo("right");
    assertThat(first.packageOf("kernel/a.ko")).as("pulled by nothing but b").isEqualTo("right");
    assertThat(first.moves()).as("no rule, no default: nothing is wanted anywhere").isEmpty();
    for (int run = 0; run < 5; run++) {
      assertThat(split(yaml, modulesDep)).isEqualTo(first);
    }
  }

  @Test
  void chainsFollowMovedModules() {
    String rules = """
        rules:
          - drivers/c/.*: core
            reason: c is essential
          - drivers/a/.*: extra
            reason: a is rare
          - default: modules
            reason: rest
        """;
    Split split = split(PACKAGES + rules, """
        kernel/drivers/a/a.ko:
        kernel/lib/b.ko: kernel/drivers/a/a.ko
        kernel/drivers/c/c.ko: kernel/lib/b.ko
        """);

    Move a = split.explain("kernel/drivers/a/a.ko").move().orElseThrow();
    assertThat(a.chain()).extracting(Cause::module).containsExactly("kernel/lib/b.ko", "kernel/drivers/c/c.ko");
    assertThat(a.chain().get(0).rule().orElseThrow().isDefault()).isTrue();
  }

  @Test
  void requirementsAreCheckedAndListRotReported() {
    String require = """
        require:
          - module: md_cluster
            package: core
            reason: raid root
          - module: asix
            package: modules
            reason: usb network
          - modalias: "usb:v0B95p1790*"
            package: core
            reason: asix by id
          - module: virtio_blk
            package: core
            reason: gone from this kernel
          - module: ena
            package: core
            reason: only on some arches
            optional: true
        """;
    DependencyGraph graph = ModulesDep.parse(GRAPH, Map.of("asix", List.of(new ModInfo.Field("alias", "usb:v0B95p1790d*"))));
    Split split = Splitter.split(graph, policy(PACKAGES + RULES + require), Set.of());

    assertThat(split.violations()).extracting(Violation::kind).containsExactly(
        Violation.Kind.UNMET_REQUIREMENT, Violation.Kind.UNMET_REQUIREMENT, Violation.Kind.LIST_ROT,
        Violation.Kind.UNAPPROVED_MOVE_INTO_CORE);
    assertThat(split.violations().get(0).message()).isEqualTo("kernel/drivers/net/usb/asix.ko sits in internal, "
        + "but p.yaml:31 requires it in modules (usb network)");
    assertThat(split.violations().get(2).message()).startsWith("requirement module virtio_blk -> core at p.yaml:37 selects no module: list rot");
  }

  @Test
  void builtInModulesMeetRequirements() {
    String require = """
        require:
          - module: nvme
            package: core
            reason: root disk
          - modalias: "pci:v*d*sv*sd*bc01sc08i02*"
            package: core
            reason: any NVMe controller
        """;
    ModuleSet set = new ModuleSet("6.1", "lib/modules/6.1", List.of(), List.of(), List.of("kernel/drivers/nvme/host/nvme.ko"),
        Map.of("nvme", new ModInfo(List.of(new ModInfo.Field("alias", "pci:v*d*sv*sd*bc01sc08i02*")))),
        Optional.empty(), List.of(), List.of(), List.of());
    Policy policy = policy(PACKAGES + RULES + require);

    assertThat(BuiltinModules.of(set)).containsExactly(new ModuleRef("kernel/drivers/nvme/host/nvme.ko", "nvme",
        List.of("pci:v*d*sv*sd*bc01sc08i02*")));
    assertThat(Splitter.split(graph(GRAPH), policy, Set.of()).violations()).extracting(Violation::kind)
        .contains(Violation.Kind.LIST_ROT);
    assertThat(Splitter.split(graph(GRAPH), policy, Set.of(), BuiltinModules.of(set)).violations())
        .extracting(Violation::kind).doesNotContain(Violation.Kind.LIST_ROT);
  }

  @Test
  void globAndModaliasRulesPlaceModules() {
    String rules = """
        rules:
          - module: "virtio_*"
            package: core
            reason: virtio
          - modalias: "pci:v00001D0Fd*"
            package: core
            reason: Amazon devices
          - default: extra
            reason: rest
        """;
    DependencyGraph graph = ModulesDep.parse("kernel/drivers/block/virtio_blk.ko:\nkernel/drivers/net/ena.ko:\nkernel/x.ko:\n",
        Map.of("ena", List.of(new ModInfo.Field("alias", "pci:v00001D0Fd0000EC20sv*sd*bc*sc*i*"))));
    Split split = Splitter.split(graph, policy(PACKAGES + rules), Set.of());

    assertThat(split.modules("core")).containsExactly("kernel/drivers/block/virtio_blk.ko", "kernel/drivers/net/ena.ko");
    assertThat(split.modules("extra")).containsExactly("kernel/x.ko");
  }

  @Test
  void nonModuleFilesGoToTheImagePackage() {
    Split byCore = split(PACKAGES + RULES, GRAPH);
    Split byImage = split(PACKAGES + "image: modules\n" + RULES, GRAPH);

    assertThat(byCore.image()).isEqualTo("core");
    assertThat(byCore.packageOfEntry("boot/vmlinuz-6.1.0-56-amd64")).isEqualTo("core");
    assertThat(byImage.packageOfEntry("./boot/vmlinuz-6.1.0-56-amd64")).isEqualTo("modules");
    assertThat(byImage.packageOfEntry("lib/modules/6.1.0-56-amd64/modules.builtin")).isEqualTo("modules");
    assertThat(byImage.packageOfEntry("./lib/modules/6.1.0-56-amd64/kernel/drivers/md/md-cluster.ko")).isEqualTo("core");
    assertThat(byImage.packageOfEntry("/usr/lib/modules/6.1.0-56-amd64/kernel/drivers/net/usb/asix.ko")).isEqualTo("internal");
  }

  @Test
  void rejectsWhatCannotBeSplit() {
    assertThatThrownBy(() -> split(PACKAGES + RULES, "kernel/a.ko: kernel/b.ko\nkernel/b.ko: kernel/a.ko\n"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("module dependency cycle among 2 modules");
    assertThatThrownBy(() -> split(PACKAGES + "rules:\n  - arch/.*: rt\n    reason: r\n", GRAPH))
        .isInstanceOf(BadInputException.class)
        .hasMessage("p.yaml:14: rule names package 'rt', which is not active for variants []");
    assertThatThrownBy(() -> split(PACKAGES + RULES + "  - default: extra\n    reason: second\n", GRAPH))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("p.yaml:27: a second default rule is active");
    assertThatThrownBy(() -> split(PACKAGES + RULES, GRAPH).explain("kernel/nothere.ko"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("no module at kernel/nothere.ko");
  }
}

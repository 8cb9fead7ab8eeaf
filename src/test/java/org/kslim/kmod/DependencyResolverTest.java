package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kslim.kmod.Modules.module;
import static org.kslim.kmod.Modules.withModinfo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyResolverTest {
  private static final KernelSymbols KERNEL = KernelSymbols.of(Map.of("printk", 0L), true);

  @Test
  void modulesDepListsTransitiveDependenciesNearestUserFirst() {
    Module a = module("kernel/a.ko", List.of("a_fn"), List.of("printk"));
    Module b = module("kernel/b.ko", List.of("b_fn"), List.of("a_fn"));
    Module c = module("kernel/c.ko", List.of(), List.of("b_fn", "a_fn"));
    DepmodResult result = DependencyResolver.resolve(List.of(c, a, b),
        List.of("kernel/a.ko", "kernel/b.ko", "kernel/c.ko"), KERNEL);

    assertThat(DepmodText.modulesDep(result)).isEqualTo(
        "kernel/a.ko:\nkernel/b.ko: kernel/a.ko\nkernel/c.ko: kernel/b.ko kernel/a.ko\n");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void dependencyOrderFollowsDepmodsStackNotTheSymbolOrder() {
    // x needs y and z; y needs z: the topological order ranks y before z whatever x asks first
    Module x = module("kernel/x.ko", List.of(), List.of("z_fn", "y_fn"));
    Module y = module("kernel/y.ko", List.of("y_fn"), List.of("z_fn"));
    Module z = module("kernel/z.ko", List.of("z_fn"), List.of());
    DepmodResult result = DependencyResolver.resolve(List.of(x, y, z),
        List.of("kernel/z.ko", "kernel/y.ko", "kernel/x.ko"));

    assertThat(result.graph().dependencies(x)).containsExactly(y, z);
  }

  @Test
  void lastExporterInModulesOrderWinsADuplicateSymbol() {
    Module first = module("kernel/first.ko", List.of("shared"), List.of());
    Module second = module("kernel/second.ko", List.of("shared"), List.of());
    Module user = module("kernel/user.ko", List.of(), List.of("shared"));
    DepmodResult result = DependencyResolver.resolve(List.of(user, second, first),
        List.of("kernel/first.ko", "kernel/second.ko", "kernel/user.ko"), KERNEL);

    assertThat(result.graph().dependencies(user)).containsExactly(second);
    assertThat(result.symbols()).containsExactly(new SymbolAlias("shared", "second"));
    assertThat(result.problems()).containsExactly(
        new Problem.DuplicateExport("shared", List.of("kernel/first.ko", "kernel/second.ko"), "kernel/second.ko"));
  }

  @Test
  void aModuleExportingAKernelSymbolWinsIt() {
    Module shadow = module("kernel/shadow.ko", List.of("printk"), List.of());
    DepmodResult result = DependencyResolver.resolve(List.of(shadow), List.of("kernel/shadow.ko"), KERNEL);

    assertThat(result.symbols()).containsExactly(new SymbolAlias("printk", "shadow"));
    assertThat(result.problems()).containsExactly(
        new Problem.DuplicateExport("printk", List.of("vmlinux", "kernel/shadow.ko"), "kernel/shadow.ko"));
  }

  @Test
  void unresolvedSymbolsAreReportedOnlyWhenTheKernelsExportsAreKnown() {
    Module lonely = module("kernel/lonely.ko", List.of(), List.of("nowhere", "printk", "__this_module"));

    assertThat(DependencyResolver.resolve(List.of(lonely), List.of(), KERNEL).problems())
        .containsExactly(new Problem.UnresolvedSymbol("kernel/lonely.ko", "nowhere"));
    assertThat(DependencyResolver.resolve(List.of(lonely), List.of()).problems()).isEmpty();
  }

  @Test
  void weakSymbolsNeverCountAsUnresolvedButStillMakeADependency() {
    Module provider = module("kernel/provider.ko", List.of("maybe"), List.of());
    Module user = module("kernel/user.ko", ModInfo.EMPTY, List.of(), List.of(
        new ModuleSymbol("maybe", 0, false, true), new ModuleSymbol("absent", 0, false, true)));
    DepmodResult result = DependencyResolver.resolve(List.of(provider, user), List.of(), KERNEL);

    assertThat(result.problems()).isEmpty();
    assertThat(result.graph().dependencies(user)).containsExactly(provider);
  }

  @Test
  void crcMismatchesAreReportedAgainstModuleSymvers() {
    Module old = module("kernel/old.ko", ModInfo.EMPTY, List.of(), List.of(
        new ModuleSymbol("printk", 0x9999L, true, false), new ModuleSymbol("printk", 0x9999L, true, true)));

    KernelSymbols versioned = KernelSymbols.of(Map.of("printk", 0x1234L), true);
    assertThat(DependencyResolver.resolve(List.of(old), List.of(), versioned).problems())
        .containsExactly(new Problem.CrcMismatch("kernel/old.ko", "printk", 0x9999L, 0x1234L));
    assertThat(DependencyResolver.resolve(List.of(old), List.of(), KernelSymbols.of(Map.of("printk", 0L), false))
        .problems()).isEmpty();
  }

  @Test
  void modulesInACycleAndThoseOnlyTheyNeedAreLeftOutOfModulesDep() {
    Module ping = module("kernel/ping.ko", List.of("ping_fn"), List.of("pong_fn", "base_fn"));
    Module pong = module("kernel/pong.ko", List.of("pong_fn"), List.of("ping_fn"));
    Module base = module("kernel/base.ko", List.of("base_fn"), List.of());
    Module user = module("kernel/user.ko", List.of(), List.of("ping_fn"));
    DepmodResult result = DependencyResolver.resolve(List.of(ping, pong, base, user),
        List.of("kernel/ping.ko", "kernel/pong.ko", "kernel/base.ko", "kernel/user.ko"));

    assertThat(DepmodText.modulesDep(result)).isEqualTo("kernel/user.ko:\n");
    assertThat(result.cyclic()).containsExactlyInAnyOrder("kernel/ping.ko", "kernel/pong.ko", "kernel/base.ko");
    assertThat(result.problems()).containsExactly(new Problem.DependencyCycle(List.of("kernel/ping.ko", "kernel/pong.ko")));
    assertThat(result.graph().dependencies(user)).containsExactlyInAnyOrder(ping, pong, base);
  }

  @Test
  void modulesMissingFromModulesOrderFollowInModuleHashOrder() {
    List<Module> modules = List.of(
        module("kernel/zz/alpha.ko", List.of(), List.of()),
        module("kernel/zz/gamma.ko", List.of(), List.of()),
        module("kernel/virt/lib/irqbypass.ko", List.of(), List.of()),
        module("kernel/zz/eta.ko", List.of(), List.of()),
        module("kernel/listed.ko", List.of(), List.of()));
    DepmodResult result = DependencyResolver.resolve(modules, List.of("kernel/listed.ko"));

    assertThat(result.modules()).extracting(Module::name).containsExactly("listed", "gamma", "alpha", "irqbypass", "eta");
  }

  @Test
  void compressedModulesAreFoundInModulesOrderUnderTheirKoName() {
    Module second = module("kernel/drivers/b-two.ko.xz", List.of(), List.of());
    Module first = module("kernel/drivers/a-one.ko.zst", List.of(), List.of());
    DepmodResult result = DependencyResolver.resolve(List.of(second, first),
        List.of("kernel/drivers/a-one.ko", "kernel/drivers/b-two.ko"));

    assertThat(result.modules()).containsExactly(first, second);
  }

  @Test
  void aModuleUnderUpdatesWinsItsNameOtherwiseTheFirstFound() {
    Module stock = module("kernel/fs/ext4.ko", List.of(), List.of());
    Module updated = module("updates/ext4.ko", List.of(), List.of());
    Module extra = module("extra/ext4.ko", List.of(), List.of());
    DepmodResult result = DependencyResolver.resolve(List.of(stock, updated, extra), List.of());

    assertThat(result.modules()).containsExactly(updated);
    assertThat(result.problems()).containsExactly(new Problem.DuplicateModule("ext4",
        List.of("kernel/fs/ext4.ko", "updates/ext4.ko", "extra/ext4.ko"), "updates/ext4.ko"));
    assertThat(DependencyResolver.resolve(List.of(stock, extra), List.of()).modules()).containsExactly(stock);
  }

  @Test
  void declaredDependsThatDisagreeWithTheSymbolsAreReported() {
    Module provider = module("kernel/virtio-ring.ko", List.of("vring_fn"), List.of());
    Module honest = new Module("kernel/honest.ko", "honest", 1, 1,
        new ModInfo(List.of(new ModInfo.Field("depends", "virtio-ring"))), List.of(), Modules.symbols(List.of("vring_fn")));
    Module liar = new Module("kernel/liar.ko", "liar", 1, 1,
        new ModInfo(List.of(new ModInfo.Field("depends", "virtio"))), List.of(), Modules.symbols(List.of("vring_fn")));
    Module silent = withModinfo("kernel/silent.ko", "depends", "");
    DepmodResult result = DependencyResolver.resolve(List.of(provider, honest, liar, silent), List.of());

    assertThat(result.problems()).containsExactly(
        new Problem.DeclaredDependsMismatch("kernel/liar.ko", List.of("virtio"), List.of("virtio_ring")));
  }

  @Test
  void problemsReadAsOneLine() {
    assertThat(new Problem.DependencyCycle(List.of("a.ko", "b.ko")).describe()).isEqualTo("dependency cycle: a.ko -> b.ko -> a.ko");
    assertThat(new Problem.UnresolvedSymbol("a.ko", "f").describe()).isEqualTo("a.ko needs unknown symbol f");
    assertThat(new Problem.CrcMismatch("a.ko", "f", 1, 2).describe())
        .isEqualTo("a.ko disagrees about version of symbol f (needs 0x00000001, exported 0x00000002)");
  }
}

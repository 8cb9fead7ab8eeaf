package org.kslim.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kslim.size.Measure;

class BuildDiffTest {
  @Test
  void modulesAreSortedByImpactWithEveryMeasure() {
    BuildDiff diff = BuildDiff.between(SampleBuilds.cloud(47), SampleBuilds.cloud(56));

    assertThat(diff.modules()).extracting(ModuleChange::path, ModuleChange::kind, ModuleChange::impact).containsExactly(
        tuple("kernel/drivers/gpu/drm/drm.ko", ModuleChange.Kind.GROWN, 90L),
        tuple("kernel/drivers/block/virtio_blk.ko", ModuleChange.Kind.GROWN, 9L));
    assertThat(diff.modules().get(0).sizes().get(ModuleMeasure.ELF)).isEqualTo(new SizeChange(3 * 5470, 3 * 5560));
    assertThat(diff.packages()).extracting(PackageChange::key).containsExactly("core", "optional");
    assertThat(diff.packages().get(1).sizes().get(Measure.INSTALLED)).isEqualTo(new SizeChange(5470, 5560));
    assertThat(diff.subsystems()).extracting(SubsystemChange::directory).containsExactly("kernel/drivers/gpu", "kernel/drivers/block");
    assertThat(diff.reasons()).containsExactly(
        new ReasonChange("default", "optional", Optional.of("the rest 1"), Optional.of("the rest 0")));
    assertThat(diff.moves()).isEmpty();
  }

  @Test
  void addedRemovedAndMovedModulesArePairedByPathAndPackagesByVersionFreeName() {
    Build old = SampleBuilds.cloud(47);
    Build now = SampleBuilds.cloud(47);
    old = new Build(old.info(), old.policySource(), old.policyText(), old.rules(), old.approvals(), old.budgets(),
        List.of(SampleBuilds.module("kernel/fs/ext4/ext4.ko", "linux-modules-6.1.0-47-cloud-amd64", 90_000),
            SampleBuilds.module("kernel/fs/gone.ko", "core", 100)),
        List.of(SampleBuilds.total("linux-modules-6.1.0-47-cloud-amd64", 90_000)), old.verdicts());
    now = new Build(now.info(), now.policySource(), now.policyText(), List.of(), now.approvals(), now.budgets(),
        List.of(SampleBuilds.module("kernel/fs/ext4/ext4.ko", "core", 90_000),
            SampleBuilds.module("kernel/fs/new.ko", "core", 50)),
        List.of(SampleBuilds.total("linux-modules-6.1.0-56-cloud-amd64", 95_000)), now.verdicts());

    BuildDiff diff = BuildDiff.between(old, now);

    assertThat(diff.modules(ModuleChange.Kind.ADDED)).extracting(ModuleChange::path).containsExactly("kernel/fs/new.ko");
    assertThat(diff.modules(ModuleChange.Kind.REMOVED)).extracting(ModuleChange::path).containsExactly("kernel/fs/gone.ko");
    assertThat(diff.moves()).extracting(ModuleChange::path, ModuleChange::oldPkg, ModuleChange::newPkg).containsExactly(
        tuple("kernel/fs/ext4/ext4.ko", "linux-modules-6.1.0-47-cloud-amd64", "core"));
    assertThat(diff.packages()).extracting(PackageChange::key, PackageChange::oldName, PackageChange::newName)
        .containsExactly(tuple("linux-modules-*-cloud-amd64",
            "linux-modules-6.1.0-47-cloud-amd64", "linux-modules-6.1.0-56-cloud-amd64"));
    assertThat(diff.reasons()).extracting(ReasonChange::rule, ReasonChange::newReason)
        .containsExactly(tuple("drivers/block/.*", Optional.empty()),
            tuple("default", Optional.empty()));
  }

  @Test
  void flavoursAndVersionFreeNames() {
    assertThat(Flavour.of("6.1.0-56-cloud-amd64")).isEqualTo("cloud-amd64");
    assertThat(Flavour.of("6.1.0-56-amd64")).isEqualTo("amd64");
    assertThat(Flavour.of("6.8.9-300.fc40.x86_64")).isEqualTo("fc40.x86_64");
    assertThat(Flavour.of("6.1.0")).isEmpty();
    assertThat(Flavour.pairingKey("linux-image-6.1.0-47-cloud-amd64")).isEqualTo("linux-image-*-cloud-amd64");
    assertThat(Flavour.pairingKey("modules-core")).isEqualTo("modules-core");
  }

  @Test
  void kernelVersionsSortByTheirNumbers() {
    assertThat(List.of("6.1.0-47-cloud-amd64", "6.1.0-9-cloud-amd64", "6.10.0-1-cloud-amd64", "6.1.0-56-cloud-amd64")
        .stream().sorted(KernelVersionOrder.INSTANCE).toList())
        .containsExactly("6.1.0-9-cloud-amd64", "6.1.0-47-cloud-amd64", "6.1.0-56-cloud-amd64", "6.10.0-1-cloud-amd64");
    assertThat(KernelVersionOrder.INSTANCE.compare("6.1", "6.1.0")).isNegative();
    assertThat(KernelVersionOrder.INSTANCE.compare("6.01", "6.1")).isZero();
  }
}

package org.kslim.history;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kslim.size.Measure;

/** Builds written in the test, without analysing a package. */
final class SampleBuilds {
  private SampleBuilds() {}

  /** A build of kernel {@code 6.1.0-N-cloud-amd64} whose modules grow with {@code n}. */
  static Build cloud(int n) {
    return build(n, "6.1.0-" + n + "-cloud-amd64", "policy " + n % 2);
  }

  static Build build(int n, String kernelVersion, String policyText) {
    BuildInfo info = new BuildInfo(0, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), kernelVersion,
        Flavour.of(kernelVersion), "amd64", "linux-image-" + kernelVersion, InputHash.ofText("input " + n),
        InputHash.ofText(policyText), n % 3 != 0);
    List<ModuleRecord> modules = List.of(
        module("kernel/drivers/block/virtio_blk.ko", "core", 1000 + n),
        module("kernel/drivers/gpu/drm/drm.ko", "optional", 5000 + 10L * n),
        module("kernel/fs/ext4/ext4.ko", "core", 90_000));
    return new Build(info, "p.yaml", policyText,
        List.of(new RuleReason(1, "drivers/block/.*", "core", "root disks"),
            new RuleReason(2, "default", "optional", "the rest " + n % 2)),
        List.of(new Approval(Approval.WAIVER, "core", "installed +100 until 2027-01-01", "bug 1", "cloud-team"),
            new Approval(Approval.MOVE, "core", "virtio_ring", "virtio_blk needs it", "storage-team")),
        Map.of("core", Map.of(Measure.INSTALLED, 200_000L, Measure.FILES, 10L)),
        modules,
        List.of(total("core", 91_000 + n), total("optional", 5000 + 10L * n)),
        List.of(new VerdictRecord("core", Measure.INSTALLED, 200_000, 200_100, 91_000 + n, true)));
  }

  static ModuleRecord module(String path, String pkg, long bytes) {
    String name = path.substring(path.lastIndexOf('/') + 1, path.indexOf(".ko"));
    return new ModuleRecord(path, name, pkg, Map.of(ModuleMeasure.INSTALLED, bytes,
        ModuleMeasure.INSTALLED_KIB, (bytes + 1023) / 1024, ModuleMeasure.DISK, (bytes + 4095) / 4096 * 4096,
        ModuleMeasure.ELF, bytes * 3));
  }

  static PackageTotal total(String pkg, long bytes) {
    Map<Measure, Long> sizes = new EnumMap<>(Measure.class);
    sizes.put(Measure.FILES, 2L);
    sizes.put(Measure.INSTALLED, bytes);
    sizes.put(Measure.INSTALLED_KIB, (bytes + 1023) / 1024);
    sizes.put(Measure.DISK, (bytes + 4095) / 4096 * 4096);
    sizes.put(Measure.COMPRESSED, bytes / 3);
    return new PackageTotal(pkg, sizes);
  }
}

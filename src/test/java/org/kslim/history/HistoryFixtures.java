package org.kslim.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kslim.testing.ElfBuilder;

/** Kernel trees of one flavour in several releases, and a policy with creep limits, for history tests. */
public final class HistoryFixtures {
  private HistoryFixtures() {}

  /**
   * The tree of kernel {@code 6.1.0-RELEASE-cloud-amd64}: virtio_blk needing virtio_ring (core),
   * drm (modules) padded with {@code drmPadding} bytes of modinfo, and, when {@code withNet},
   * virtio_net (core) padded with {@code drmPadding} bytes too.
   */
  public static Path tree(Path dir, int release, int drmPadding, boolean withNet) throws IOException {
    String kver = kernelVersion(release);
    Path root = dir.resolve("linux-image-" + kver);
    Path modules = root.resolve("lib/modules/" + kver);
    write(modules.resolve("kernel/drivers/block/virtio_blk.ko"),
        ElfBuilder.x86_64().modinfo("alias=virtio:d00000002v*").needs("virtqueue_add", 1).build());
    write(modules.resolve("kernel/drivers/virtio/virtio_ring.ko"), ElfBuilder.x86_64().export("virtqueue_add", 1).build());
    write(modules.resolve("kernel/drivers/gpu/drm/drm.ko"),
        ElfBuilder.x86_64().modinfo("license=GPL", "description=" + "x".repeat(drmPadding)).build());
    if (withNet) {
      write(modules.resolve("kernel/drivers/net/virtio_net.ko"),
          ElfBuilder.x86_64().modinfo("description=" + "n".repeat(drmPadding)).needs("virtqueue_add", 1).build());
    }
    write(root.resolve("boot/vmlinuz-" + kver), new byte[10_000]);
    return root;
  }

  public static String kernelVersion(int release) {
    return "6.1.0-" + release + "-cloud-amd64";
  }

  /** A policy whose {@code modules} package may grow by {@code perRelease} bytes per release. */
  public static Path policy(Path dir, long perRelease) throws IOException {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, """
        kslim: 1
        packages:
          - {name: modules-core, depends-on: []}
          - {name: modules, depends-on: [modules-core]}
        rules:
          - {module: "virtio_*", package: modules-core, reason: every KVM guest's disk and network}
          - {default: modules, reason: what no rule claims is optional}
        budgets:
          modules-core: {installed: 1MiB}
          modules:
            installed: 1MiB
            per-release: {installed: %d}
            window: {releases: 3, installed: 10%%}
        """.formatted(perRelease));
    return policy;
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }
}

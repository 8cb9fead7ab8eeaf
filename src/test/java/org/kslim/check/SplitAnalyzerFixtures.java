package org.kslim.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kslim.testing.ElfBuilder;

/** A tiny kernel tree and kslim policy for split and check tests. */
public final class SplitAnalyzerFixtures {
  public static final String KVER = "6.1.0-test-amd64";

  private SplitAnalyzerFixtures() {}

  /** A kernel tree with virtio_blk needing virtio_ring, a GPU driver, and the kernel image. */
  public static Path kernelTree(Path dir) throws IOException {
    Path root = dir.resolve("tree");
    Path modules = root.resolve("lib/modules/" + KVER);
    write(modules.resolve("kernel/drivers/block/virtio_blk.ko"),
        ElfBuilder.x86_64().modinfo("alias=virtio:d00000002v*").needs("virtqueue_add", 1).build());
    write(modules.resolve("kernel/drivers/virtio/virtio_ring.ko"), ElfBuilder.x86_64().export("virtqueue_add", 1).build());
    write(modules.resolve("kernel/drivers/gpu/drm/drm.ko"), ElfBuilder.x86_64().modinfo("license=GPL").build());
    write(root.resolve("boot/vmlinuz-" + KVER), new byte[10_000]);
    return root;
  }

  public static Path policy(Path dir, String coreBudget) throws IOException {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, """
        kslim: 1
        packages:
          - name: core
            depends-on: []
          - name: optional
            depends-on: [core]
        rules:
          - drivers/block/.*: core
            reason: root disks
          - drivers/gpu/.*: optional
            reason: no display in a cloud guest
          - default: optional
            reason: the rest is optional
        require:
          - module: virtio_blk
            package: core
            reason: root disk on KVM
        approve-moves:
          - {module: virtio_ring, package: core, reason: virtio_blk needs it, approved-by: test}
        budgets:
          core: {installed: %s}
        """.formatted(coreBudget));
    return policy;
  }

  /** Writes {@code content} to {@code file}, making its folders. */
  public static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }
}

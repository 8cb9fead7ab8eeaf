package org.kslim.decide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.kslim.testing.ElfBuilder;

/**
 * A kernel tree for decisions: virtio_blk (required in core) needing virtio_ring; i915 needing
 * drm_kms_helper (needing drm) and shared, which net/foo also needs; a large sound driver; dlm,
 * wanted in optional, so md-cluster (wanted in core) moves up to it.
 */
final class DecideFixtures {
  static final String KVER = "6.1.0-test-amd64";
  static final String I915 = "kernel/drivers/gpu/i915/i915.ko";
  static final String KMS = "kernel/drivers/gpu/drm/drm_kms_helper.ko";
  static final String DRM = "kernel/drivers/gpu/drm/drm.ko";
  static final String SHARED = "kernel/lib/shared.ko";
  static final String SOUND = "kernel/sound/snd.ko";

  private static final int PROGBITS = 1;

  private DecideFixtures() {}

  static Path tree(Path dir) throws IOException {
    Path root = dir.resolve("tree");
    Path modules = root.resolve("lib/modules/" + KVER);
    Random random = new Random(42);
    write(modules.resolve("kernel/drivers/block/virtio_blk.ko"), ElfBuilder.x86_64().needs("virtqueue_add", 1).build());
    write(modules.resolve("kernel/drivers/virtio/virtio_ring.ko"), ElfBuilder.x86_64().export("virtqueue_add", 1).build());
    write(modules.resolve(DRM), padded(ElfBuilder.x86_64().export("drm_x", 2), random, 12_000));
    write(modules.resolve(KMS), padded(ElfBuilder.x86_64().export("kms_y", 3).needs("drm_x", 2), random, 8_000));
    write(modules.resolve(I915), padded(ElfBuilder.x86_64().needs("kms_y", 3).needs("shared_z", 4), random, 20_000));
    write(modules.resolve(SHARED), ElfBuilder.x86_64().export("shared_z", 4).build());
    write(modules.resolve("kernel/net/foo.ko"), ElfBuilder.x86_64().needs("shared_z", 4).build());
    write(modules.resolve(SOUND), padded(ElfBuilder.x86_64(), random, 30_000));
    write(modules.resolve("kernel/fs/dlm/dlm.ko"), ElfBuilder.x86_64().export("dlm_x", 5).build());
    write(modules.resolve("kernel/drivers/md/md-cluster.ko"), ElfBuilder.x86_64().needs("dlm_x", 5).build());
    write(root.resolve("boot/vmlinuz-" + KVER), new byte[10_000]);
    return root;
  }

  static Path policy(Path dir, String coreBudget) throws IOException {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, """
        kslim: 1
        packages: [{name: core, depends-on: []}, {name: optional, depends-on: [core]}]
        rules:
          - drivers/block/.*: core
            reason: root disks
          - drivers/virtio/.*: core
            reason: virtio transport
          - drivers/gpu/.*: core
            reason: consoles
          - fs/.*: optional
            reason: rare file systems
          - default: core
            reason: the rest
        require:
          - module: virtio_blk
            package: core
            reason: root disk on KVM
        budgets:
          core: {installed: %s}
        """.formatted(coreBudget));
    return policy;
  }

  private static byte[] padded(ElfBuilder builder, Random random, int bytes) {
    byte[] data = new byte[bytes];
    for (int i = 0; i < bytes; i += 4) {
      data[i] = (byte) random.nextInt(16);
    }
    return builder.section(".data", PROGBITS, 0, data).build();
  }

  static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }
}

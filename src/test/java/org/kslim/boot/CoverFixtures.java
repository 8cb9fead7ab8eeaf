package org.kslim.boot;

import static org.kslim.check.SplitAnalyzerFixtures.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kslim.testing.ElfBuilder;

/** A small kernel tree with virtio drivers, a built-in, a policy and a profile for cover and initramfs tests. */
final class CoverFixtures {
  static final String KVER = "6.1.0-cover-amd64";
  static final String NET_RULE = "  - drivers/net/virtio_net.*: core\n    reason: network\n";

  private CoverFixtures() {}

  static Path tree(Path dir) throws IOException {
    Path root = dir.resolve("tree");
    Path modules = root.resolve("lib/modules/" + KVER);
    write(modules.resolve("kernel/drivers/virtio/virtio_pci.ko"),
        ElfBuilder.x86_64().modinfo("alias=pci:v00001AF4d*sv*sd*bc*sc*i*").needs("virtqueue_add", 1).build());
    write(modules.resolve("kernel/drivers/virtio/virtio_ring.ko"), ElfBuilder.x86_64().export("virtqueue_add", 1).build());
    write(modules.resolve("kernel/drivers/net/virtio_net.ko"),
        ElfBuilder.x86_64().modinfo("alias=virtio:d00000001v*").needs("virtqueue_add", 1).build());
    write(modules.resolve("kernel/drivers/block/virtio_blk.ko"),
        ElfBuilder.x86_64().modinfo("alias=virtio:d00000002v*").needs("virtqueue_add", 1).build());
    write(modules.resolve("kernel/drivers/gpu/drm/virtio/virtio-gpu.ko"),
        ElfBuilder.x86_64().modinfo("alias=virtio:d00000010v*").build());
    write(modules.resolve("kernel/fs/ext4/ext4.ko"), ElfBuilder.x86_64().modinfo("alias=fs-ext4").build());
    write(modules.resolve("modules.builtin"), "kernel/drivers/char/hw_random/virtio-rng.ko\n".getBytes(StandardCharsets.UTF_8));
    write(modules.resolve("modules.builtin.modinfo"),
        "virtio_rng.alias=virtio:d00000004v*\0virtio_rng.license=GPL\0".getBytes(StandardCharsets.UTF_8));
    write(root.resolve("boot/vmlinuz-" + KVER), "a kernel image".getBytes(StandardCharsets.UTF_8));
    return root;
  }

  /** The policy; {@code withNetRule} false leaves virtio_net to the default, outside core. */
  static Path policy(Path dir, boolean withNetRule) throws IOException {
    Path policy = dir.resolve(withNetRule ? "policy.yaml" : "policy-without-net.yaml");
    Files.writeString(policy, """
        kslim: 1
        packages:
          - name: core
            depends-on: []
          - name: optional
            depends-on: [core]
        rules:
          - drivers/virtio/.*: core
            reason: transports
          - drivers/block/.*: core
            reason: disks
        %s  - fs/.*: core
            reason: filesystems
          - default: optional
            reason: the rest
        """.formatted(withNetRule ? NET_RULE : ""));
    return policy;
  }

  static Path profile(Path dir) throws IOException {
    Path profile = dir.resolve("tiny.yaml");
    Files.writeString(profile, """
        kslim-profile: 1
        name: tiny
        description: a QEMU guest
        devices:
          - {name: virtio-pci-net, modalias: "pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00"}
          - {name: virtio-net, modalias: "virtio:d00000001v00001AF4"}
          - {name: virtio-blk, modalias: "virtio:d00000002v00001AF4"}
          - {name: virtio-rng, modalias: "virtio:d00000004v00001AF4"}
          - {name: virtio-gpu, modalias: "virtio:d00000010v00001AF4", optional: true}
        filesystems: [ext4]
        """);
    return profile;
  }
}

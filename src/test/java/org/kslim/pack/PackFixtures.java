package org.kslim.pack;

import java.io.IOException;
import java.nio.file.Path;
import org.kslim.check.SplitAnalyzerFixtures;
import org.kslim.source.deb.DebBuilder;
import org.kslim.testing.ElfBuilder;

/** A small kernel .deb (modules, image, a symlink, maintainer scripts) for package writing tests. */
public final class PackFixtures {
  public static final String KVER = SplitAnalyzerFixtures.KVER;
  static final String MODULES = "./lib/modules/" + KVER + "/";
  /** The input's own relations, which its image package keeps when written as a deb. */
  static final String RELATIONS = "Depends: kmod, linux-base (>= 4.3~)\nRecommends: apparmor\n"
      + "Conflicts: linux-image-" + KVER + "-signed\n";
  static final String POSTINST = "#!/bin/sh\nset -e\necho configured \"$@\"\n";

  private PackFixtures() {}

  /** The kernel of {@link SplitAnalyzerFixtures#kernelTree} as a Debian package. */
  public static Path kernelDeb(Path dir) throws IOException {
    return kernelDeb(dir, "6.1.192-2");
  }

  /** The same package at Debian version {@code version}. */
  static Path kernelDeb(Path dir, String version) throws IOException {
    return new DebBuilder()
        .control("Package: linux-image-" + KVER + "\nSource: linux\nVersion: " + version + "\nArchitecture: amd64\n"
            + "Maintainer: Debian Kernel Team <debian-kernel@lists.debian.org>\n" + RELATIONS
            + "Section: kernel\nPriority: optional\n"
            + "Description: Linux 6.1 for tests\n A kernel for tests.\n .\n Second paragraph.\n")
        .script("postinst", POSTINST)
        .script("postrm", "#!/bin/sh\necho removed\n")
        .directory("./boot/")
        .file("./boot/vmlinuz-" + KVER, new byte[10_000])
        .directory("./lib/")
        .directory("./lib/modules/")
        .directory(MODULES)
        .directory(MODULES + "kernel/")
        .file(MODULES + "kernel/drivers/block/virtio_blk.ko",
            ElfBuilder.x86_64().modinfo("alias=virtio:d00000002v*").needs("virtqueue_add", 1).build())
        .file(MODULES + "kernel/drivers/virtio/virtio_ring.ko", ElfBuilder.x86_64().export("virtqueue_add", 1).build())
        .file(MODULES + "kernel/drivers/gpu/drm/drm.ko", ElfBuilder.x86_64().modinfo("license=GPL").build())
        .symlink(MODULES + "build", "/usr/src/linux-headers-" + KVER)
        .write(dir.resolve("linux-image.deb"));
  }
}

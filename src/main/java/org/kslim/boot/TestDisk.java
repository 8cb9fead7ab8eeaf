package org.kslim.boot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A disk image the boot test attaches, the filesystem on it, and where the guest sees it.
 *
 * <pre>{@code
 * TestDisk ext4 = new TestDisk("ext4", Path.of("work/ext4.img"), "/dev/vda");
 * }</pre>
 *
 * @param filesystem the filesystem made on it ({@code ext4}, {@code xfs})
 * @param image the sparse image file
 * @param guestDevice the block device the guest sees it as
 */
public record TestDisk(String filesystem, Path image, String guestDevice) {
  public TestDisk {
    Objects.requireNonNull(filesystem, "filesystem");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(guestDevice, "guestDevice");
  }
}

package org.kslim.boot;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kslim.BadInputException;

/**
 * Makes the boot test's disks: a sparse file with an ext4 filesystem (attached as virtio-blk,
 * {@code /dev/vda}) and one with xfs (attached to virtio-scsi, {@code /dev/sda}), by running
 * {@code mkfs.ext4} and {@code mkfs.xfs}.
 *
 * <pre>{@code
 * List<TestDisk> disks = TestDisks.make(workDir);
 * }</pre>
 */
public final class TestDisks {
  /** xfsprogs refuses filesystems under 300 MiB; the file is sparse, so this costs little. */
  static final long SIZE = 320L << 20;
  private static final Duration MKFS_TIMEOUT = Duration.ofSeconds(120);

  private TestDisks() {}

  public static List<TestDisk> make(Path workDir) throws IOException {
    TestDisk ext4 = new TestDisk("ext4", workDir.resolve("ext4.img"), "/dev/vda");
    TestDisk xfs = new TestDisk("xfs", workDir.resolve("xfs.img"), "/dev/sda");
    format(ext4, List.of("mkfs.ext4", "-q", "-F", "-L", "kslim-ext4"));
    format(xfs, List.of("mkfs.xfs", "-q", "-f", "-L", "kslim-xfs"));
    return List.of(ext4, xfs);
  }

  private static void format(TestDisk disk, List<String> mkfs) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(disk.image().toFile(), "rw")) {
      file.setLength(SIZE);
    }
    List<String> command = new ArrayList<>(mkfs);
    command.add(disk.image().toString());
    BoundedProcess.Result result = BoundedProcess.run(command, disk.image().resolveSibling(disk.filesystem() + ".mkfs.log"),
        MKFS_TIMEOUT);
    if (result.timedOut() || result.exitCode() != 0) {
      throw new BadInputException(String.join(" ", command) + " failed (" + result.describe() + "): "
          + String.join(" | ", result.outputTail(5)) + " (install e2fsprogs and xfsprogs)");
    }
  }
}

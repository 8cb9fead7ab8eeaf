package org.kslim.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-kernel test tier: the kernel packages, kmod references and Fedora's peer output kept
 * in the project's shared folder. Off unless the system property {@code kslim.shared} names that
 * folder ({@code .ci/run} sets it); when it is set, a missing file fails the test instead of
 * skipping it.
 *
 * <pre>{@code
 * Path deb = SharedData.kernel("linux-image-6.1.0-56-cloud-amd64-unsigned_6.1.192-2_amd64.deb");
 * }</pre>
 */
public final class SharedData {
  public static final String CLOUD_DEB = "linux-image-6.1.0-56-cloud-amd64-unsigned_6.1.192-2_amd64.deb";
  public static final String GENERIC_DEB = "linux-image-6.1.0-56-amd64-unsigned_6.1.192-2_amd64.deb";
  public static final String OLD_CLOUD_DEB = "linux-image-6.1.0-47-cloud-amd64-unsigned_6.1.170-3_amd64.deb";
  public static final String CLOUD_HEADERS = "linux-headers-6.1.0-56-cloud-amd64_6.1.192-2_amd64.deb";
  public static final String GENERIC_HEADERS = "linux-headers-6.1.0-56-amd64_6.1.192-2_amd64.deb";
  public static final String OLD_CLOUD_HEADERS = "linux-headers-6.1.0-47-cloud-amd64_6.1.170-3_amd64.deb";

  private SharedData() {}

  /** The shared folder; skips the test when the real-kernel tier is off. */
  public static Path root() {
    String property = System.getProperty("kslim.shared", "");
    assumeTrue(!property.isBlank(), "real-kernel tier off (set -Dkslim.shared=DIR)");
    Path root = Path.of(property);
    if (!Files.isDirectory(root)) {
      fail("kslim.shared=" + property + " is not a folder");
    }
    return root;
  }

  /** A file under the shared folder's {@code kernels/}; fails when it is missing. */
  public static Path kernel(String name) {
    return require(root().resolve("kernels").resolve(name));
  }

  /** kmod's reference output for kernel version {@code kver}. */
  public static Path reference(String kver) {
    return require(root().resolve("kernels/reference").resolve(kver));
  }

  /** A file under the shared folder's {@code peer/}. */
  public static Path peer(String relative) {
    return require(root().resolve("peer").resolve(relative));
  }

  private static Path require(Path path) {
    if (!Files.exists(path)) {
      fail("real-kernel tier is on but " + path + " is missing");
    }
    return path;
  }
}

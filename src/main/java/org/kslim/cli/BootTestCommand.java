package org.kslim.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.kslim.CheckFailedException;
import org.kslim.boot.Accelerator;
import org.kslim.boot.BootArch;
import org.kslim.boot.BootReport;
import org.kslim.boot.BootRequest;
import org.kslim.boot.BootTest;
import org.kslim.boot.InitramfsCompression;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code kslim boot-test PACKAGE --policy FILE}: boots the package's kernel in QEMU with only the
 * core package's modules and checks that every attached virtio device is bound and ext4 and xfs
 * mount. Exit 1 when not.
 *
 * <pre>{@code
 * kslim boot-test linux-image-cloud.deb --policy policies/cloud.yaml --timeout 300
 * }</pre>
 */
@Command(name = "boot-test", mixinStandardHelpOptions = true,
    description = "Boot the package's kernel in QEMU with only the core modules; exit 1 unless every device binds and ext4 and xfs mount.")
final class BootTestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin PolicyPackageOptions input;

  @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64", description = "x86_64 or aarch64 (default: ${DEFAULT-VALUE})")
  String arch;

  @Option(names = "--accel", paramLabel = "auto|kvm|tcg", defaultValue = "auto",
      description = "QEMU's accelerator; auto is KVM when /dev/kvm opens, else TCG (default: ${DEFAULT-VALUE})")
  String accel;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
      description = "how long the guest may take (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Option(names = "--whole", description = "boot with every module of the package, the kernel as it was before the split")
  boolean whole;

  @Option(names = "--busybox", paramLabel = "FILE", defaultValue = "/bin/busybox",
      description = "a static busybox for the guest (default: ${DEFAULT-VALUE}, Debian's busybox-static)")
  Path busybox;

  @Option(names = "--uncompressed", description = "store the initramfs without gzip")
  boolean uncompressed;

  @Option(names = "--console", paramLabel = "FILE", description = "also keep the guest's console log in FILE")
  Path console;

  @Override
  public Integer call() {
    if (timeoutSeconds <= 0) {
      throw new org.kslim.UsageException("--timeout must be a positive number of seconds: " + timeoutSeconds);
    }
    BootRequest request = BootRequest.of(input.packagePath, input.policy)
        .withArch(BootArch.parse(arch))
        .withAccelerator(Accelerator.parse(accel))
        .withTimeout(Duration.ofSeconds(timeoutSeconds))
        .withWhole(whole)
        .withBusybox(busybox)
        .withCompression(uncompressed ? InitramfsCompression.NONE : InitramfsCompression.GZIP)
        .withConsole(console);
    BootTest.BootOutcome outcome = BootTest.run(request);
    BootReport.print(outcome, spec.commandLine().getOut());
    if (!outcome.verdict().passed()) {
      throw new CheckFailedException("boot test failed: " + String.join("; ", outcome.verdict().problems()));
    }
    return 0;
  }
}

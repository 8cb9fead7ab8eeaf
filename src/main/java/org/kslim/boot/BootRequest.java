package org.kslim.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to boot and how.
 *
 * <pre>{@code
 * BootRequest request = BootRequest.of(Path.of("linux-image.deb"), Path.of("policies/cloud.yaml"))
 *     .withTimeout(Duration.ofSeconds(300));
 * }</pre>
 *
 * @param packagePath the kernel package (.deb, .rpm or tree) holding the kernel image
 * @param policyPath the split policy; null for the shipped policies/cloud.yaml
 * @param arch the guest's architecture
 * @param accelerator KVM, TCG, or KVM when /dev/kvm opens
 * @param timeout how long the guest may take, from QEMU's start to its end
 * @param whole boot with every module of the package, not only the core package's
 * @param busybox a static busybox for the guest's architecture
 * @param compression how the initramfs is stored
 * @param console where to keep the console log, or null to keep none
 */
public record BootRequest(Path packagePath, Path policyPath, BootArch arch, Accelerator accelerator, Duration timeout, boolean whole,
    Path busybox, InitramfsCompression compression, Path console) {
  public static final Path DEBIAN_BUSYBOX = Path.of("/bin/busybox");

  public BootRequest {
    Objects.requireNonNull(packagePath, "packagePath");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(accelerator, "accelerator");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    Objects.requireNonNull(busybox, "busybox");
    Objects.requireNonNull(compression, "compression");
  }

  /** x86-64, KVM when /dev/kvm opens, 180 s, core only, Debian's busybox-static, gzip, no console log kept. */
  public static BootRequest of(Path packagePath, Path policyPath) {
    return new BootRequest(packagePath, policyPath, BootArch.X86_64, Accelerator.AUTO, Duration.ofSeconds(180), false, DEBIAN_BUSYBOX,
        InitramfsCompression.GZIP, null);
  }

  public BootRequest withArch(BootArch value) {
    return new BootRequest(packagePath, policyPath, value, accelerator, timeout, whole, busybox, compression, console);
  }

  public BootRequest withAccelerator(Accelerator value) {
    return new BootRequest(packagePath, policyPath, arch, value, timeout, whole, busybox, compression, console);
  }

  public BootRequest withTimeout(Duration value) {
    return new BootRequest(packagePath, policyPath, arch, accelerator, value, whole, busybox, compression, console);
  }

  public BootRequest withWhole(boolean value) {
    return new BootRequest(packagePath, policyPath, arch, accelerator, timeout, value, busybox, compression, console);
  }

  public BootRequest withBusybox(Path value) {
    return new BootRequest(packagePath, policyPath, arch, accelerator, timeout, whole, value, compression, console);
  }

  public BootRequest withCompression(InitramfsCompression value) {
    return new BootRequest(packagePath, policyPath, arch, accelerator, timeout, whole, busybox, value, console);
  }

  public BootRequest withConsole(Path value) {
    return new BootRequest(packagePath, policyPath, arch, accelerator, timeout, whole, busybox, compression, value);
  }
}

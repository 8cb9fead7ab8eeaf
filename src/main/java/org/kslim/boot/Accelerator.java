package org.kslim.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.kslim.UsageException;

/**
 * How QEMU runs the guest: KVM, TCG (emulation, slower but everywhere), or KVM when
 * {@code /dev/kvm} can be opened and TCG when it cannot.
 *
 * <pre>{@code
 * Accelerator.parse("tcg").qemuOptions();   // [-accel, tcg]
 * }</pre>
 */
public enum Accelerator {
  AUTO,
  KVM,
  TCG;

  static final Path DEV_KVM = Path.of("/dev/kvm");

  public static Accelerator parse(String name) {
    return switch (name) {
      case "auto" -> AUTO;
      case "kvm" -> KVM;
      case "tcg" -> TCG;
      default -> throw new UsageException("--accel must be auto, kvm or tcg: " + name);
    };
  }

  public List<String> qemuOptions() {
    boolean kvm = this == KVM || this == AUTO && Files.isReadable(DEV_KVM) && Files.isWritable(DEV_KVM);
    return List.of("-accel", kvm ? "kvm" : "tcg");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

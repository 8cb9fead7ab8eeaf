package org.kslim.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a boot test: for every attached device what the guest bound to it, every mount,
 * and the problems that fail the test (a panic, a hang, an unbound device, a failed mount).
 *
 * <pre>{@code
 * BootVerdict verdict = BootVerdict.judge(BootLog.parse(lines), process, disks);
 * verdict.passed();
 * }</pre>
 *
 * @param devices every attached device and the guest's devices that match it
 * @param mounts every mount the guest tried
 * @param problems what fails the test, one line each
 * @param log the parsed console log
 * @param process how QEMU ended
 */
public record BootVerdict(List<DeviceResult> devices, List<BootLog.Mount> mounts, List<String> problems, BootLog log,
    BoundedProcess.Result process) {
  /** An attached device and the guest's devices matching it. */
  public record DeviceResult(AttachedDevice device, List<BootLog.Device> seen) {
    public boolean bound() {
      return !seen.isEmpty() && seen.stream().allMatch(BootLog.Device::bound);
    }
  }

  public BootVerdict {
    devices = List.copyOf(devices);
    mounts = List.copyOf(mounts);
    problems = List.copyOf(problems);
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(process, "process");
  }

  public boolean passed() {
    return problems.isEmpty();
  }

  public static BootVerdict judge(BootLog log, BoundedProcess.Result process, List<TestDisk> disks) {
    List<String> problems = new ArrayList<>();
    log.panic().ifPresent(line -> problems.add("the kernel panicked: " + line));
    if (log.panic().isEmpty() && !log.finished()) {
      problems.add(process.timedOut()
          ? "the guest did not finish: " + process.describe() + " (a hang?)"
          : "QEMU ended before the guest finished: " + process.describe());
    }
    List<DeviceResult> devices = new ArrayList<>();
    for (AttachedDevice device : AttachedDevice.values()) {
      List<BootLog.Device> seen = log.devices().stream().filter(d -> device.pattern().matches(d.modalias())).toList();
      devices.add(new DeviceResult(device, seen));
      if (log.finished() && seen.isEmpty()) {
        problems.add("attached device " + device.label() + " (" + device.pattern().pattern() + ") was not seen by the guest");
      }
      for (BootLog.Device unbound : seen.stream().filter(d -> !d.bound()).toList()) {
        problems.add("attached device " + device.label() + " is bound by no driver: " + unbound.bus() + " "
            + unbound.name() + " " + unbound.modalias());
      }
    }
    for (TestDisk disk : disks) {
      List<BootLog.Mount> tried = log.mounts().stream().filter(m -> m.filesystem().equals(disk.filesystem())).toList();
      if (log.finished() && tried.isEmpty()) {
        problems.add(disk.filesystem() + " on " + disk.guestDevice() + " was not mounted");
      }
      tried.stream().filter(m -> !m.ok())
          .forEach(m -> problems.add(m.filesystem() + " on " + m.device() + " failed to mount"));
    }
    return new BootVerdict(devices, log.mounts(), problems, log, process);
  }
}

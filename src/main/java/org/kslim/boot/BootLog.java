package org.kslim.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a boot test's console log says: every device the guest saw and its driver, every mount
 * tried, whether the init script began and finished, and the kernel's panic line if it panicked.
 *
 * <pre>{@code
 * BootLog log = BootLog.parse(Files.readAllLines(console));
 * log.finished(); log.devices(); log.panic();
 * }</pre>
 *
 * @param kernelRelease what {@code uname -r} said in the guest, empty when the init never ran
 * @param devices every device with a modalias, as the init script reported it
 * @param mounts every mount the init script tried
 * @param finished whether the init script reached its end
 * @param panic the kernel's {@code Kernel panic} line, if any
 * @param lines the whole log
 */
public record BootLog(String kernelRelease, List<Device> devices, List<Mount> mounts, boolean finished,
    Optional<String> panic, List<String> lines) {
  static final String PREFIX = "KSLIM-";

  /** A device as {@code /sys/bus/BUS/devices/NAME} shows it; driver {@code -} when none is bound. */
  public record Device(String bus, String name, String driver, String modalias) {
    public boolean bound() {
      return !driver.equals("-");
    }
  }

  /** A mount of a test disk and whether it worked. */
  public record Mount(String filesystem, String device, boolean ok) {}

  public BootLog {
    Objects.requireNonNull(kernelRelease, "kernelRelease");
    devices = List.copyOf(devices);
    mounts = List.copyOf(mounts);
    Objects.requireNonNull(panic, "panic");
    lines = List.copyOf(lines);
  }

  /** Reads a console log; lines kslim did not write are kept only for {@link #tail}. */
  public static BootLog parse(List<String> lines) {
    String release = "";
    List<Device> devices = new ArrayList<>();
    List<Mount> mounts = new ArrayList<>();
    boolean finished = false;
    Optional<String> panic = Optional.empty();
    for (String raw : lines) {
      String line = raw.strip();
      int at = line.indexOf(PREFIX);
      if (panic.isEmpty() && line.contains("Kernel panic - not syncing")) {
        panic = Optional.of(line);
      }
      if (at < 0) {
        continue;
      }
      String[] words = line.substring(at + PREFIX.length()).split(" ", 5);
      switch (words[0]) {
        case "BEGIN" -> release = words.length > 1 ? words[1] : "";
        case "DEVICE" -> {
          if (words.length == 5) {
            devices.add(new Device(words[1], words[2], words[3], words[4]));
          }
        }
        case "MOUNT" -> {
          if (words.length >= 4) {
            mounts.add(new Mount(words[1], words[2], words[3].equals("ok")));
          }
        }
        case "END" -> finished = true;
        default -> { }
      }
    }
    return new BootLog(release, devices, mounts, finished, panic, lines);
  }

  /** The last {@code count} lines of the log. */
  public List<String> tail(int count) {
    return lines.subList(Math.max(0, lines.size() - count), lines.size());
  }
}

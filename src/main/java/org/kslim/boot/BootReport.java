package org.kslim.boot;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.kslim.report.ByteUnits;

/**
 * What {@code kslim boot-test} prints: every attached device and the driver the guest bound,
 * every mount, the time QEMU ran, the problems and, on failure, the console's last lines.
 *
 * <pre>{@code
 * BootReport.print(outcome, new PrintWriter(System.out, true));
 * }</pre>
 */
public final class BootReport {
  static final int TAIL = 25;

  private BootReport() {}

  public static void print(BootTest.BootOutcome outcome, PrintWriter out) {
    BootVerdict verdict = outcome.verdict();
    out.printf(Locale.ROOT, "kernel %s with %d modules of %s (initramfs %s), QEMU %s%n%n", outcome.kernelVersion(),
        outcome.modules(), outcome.modulesFrom(), ByteUnits.format(outcome.initramfsBytes()), verdict.process().describe());
    out.printf(Locale.ROOT, "%-12s %-6s %s%n", "device", "bound", "driver (guest device)");
    for (BootVerdict.DeviceResult device : verdict.devices()) {
      out.printf(Locale.ROOT, "%-12s %-6s %s%n", device.device().label(), device.bound() ? "yes" : "no",
          device.seen().isEmpty() ? "not seen"
              : device.seen().stream().map(d -> d.driver() + " (" + d.bus() + " " + d.name() + ")")
                  .collect(Collectors.joining(", ")));
    }
    for (BootLog.Mount mount : verdict.mounts()) {
      out.printf(Locale.ROOT, "mount %-6s %-9s %s%n", mount.filesystem(), mount.device(), mount.ok() ? "ok" : "failed");
    }
    out.println();
    verdict.problems().forEach(problem -> out.println("FAIL " + problem));
    if (!verdict.passed()) {
      out.println("last console lines:");
      verdict.log().tail(TAIL).forEach(line -> out.println("  | " + line));
    }
    out.println(verdict.passed() ? "PASS" : "FAIL");
    out.flush();
  }
}

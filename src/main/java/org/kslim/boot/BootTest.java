package org.kslim.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.kslim.AtomicFile;
import org.kslim.BadInputException;
import org.kslim.UsageException;
import org.kslim.check.CheckRequest;
import org.kslim.check.ModulePlacement;
import org.kslim.check.SplitAnalyzer;

/**
 * Boots a kernel package's own kernel in QEMU with only its core package's modules (or all of
 * them) in a busybox initramfs, and judges from the console log whether every attached device
 * was bound and both test filesystems mounted. The scratch folder and every QEMU process are
 * gone when it returns.
 *
 * <pre>{@code
 * BootOutcome outcome = BootTest.run(BootRequest.of(Path.of("linux-image.deb"), Path.of("policies/cloud.yaml")));
 * outcome.verdict().passed();
 * }</pre>
 */
public final class BootTest {
  static final int MEMORY_MIB = 1024;

  private BootTest() {}

  /**
   * What was booted and how it went.
   *
   * @param kernelVersion the kernel booted
   * @param modulesFrom the package whose modules went in, or {@code every package}
   * @param modules how many modules went in
   * @param initramfsBytes the size of the initramfs as booted
   * @param verdict how the boot went
   */
  public record BootOutcome(String kernelVersion, String modulesFrom, int modules, long initramfsBytes,
      BootVerdict verdict) {}

  public static BootOutcome run(BootRequest request) {
    ModulePlacement placement = SplitAnalyzer.place(CheckRequest.of(request.packagePath(), request.policyPath()));
    checkArchitecture(placement, request.arch());
    String core = placement.split().core();
    List<String> modules = request.whole()
        ? List.copyOf(placement.split().placements().keySet()) : placement.split().modules(core);
    Path work;
    try {
      work = Files.createTempDirectory("kslim-boot-");
    } catch (IOException e) {
      throw new BadInputException("cannot make a scratch folder: " + e.getMessage(), e);
    }
    try {
      Initramfs.Built built = Initramfs.build(placement, modules, request.busybox(), request.compression(), work);
      List<TestDisk> disks = TestDisks.make(work);
      Path console = work.resolve("console.log");
      List<String> command = QemuCommand.of(request.arch(), request.accelerator(), built.kernel(), built.initramfs(), disks, console, MEMORY_MIB);
      BoundedProcess.Result process = BoundedProcess.run(command, work.resolve("qemu.log"), request.timeout());
      List<String> lines = consoleLines(console, process);
      if (request.console() != null) {
        AtomicFile.writeString(request.console(), String.join("\n", lines) + "\n");
      }
      BootVerdict verdict = BootVerdict.judge(BootLog.parse(lines), process, disks);
      return new BootOutcome(placement.modules().kernelVersion(), request.whole() ? "every package" : core,
          built.modules(), Files.size(built.initramfs()), verdict);
    } catch (IOException e) {
      throw new BadInputException("boot test of " + request.packagePath() + " failed: " + e.getMessage(), e);
    } finally {
      deleteTree(work);
    }
  }

  /** Refuses to boot a kernel whose modules are built for another machine than {@code arch}. */
  static void checkArchitecture(ModulePlacement placement, BootArch arch) {
    placement.modules().files().stream().map(f -> f.elf().machineName()).filter(m -> !m.equals(arch.elfMachine()))
        .findFirst().ifPresent(machine -> {
          throw new UsageException("--arch " + arch + " cannot boot " + placement.kernelPackage().path()
              + ": its modules are built for " + machine);
        });
  }

  /** The console log, and QEMU's own messages after it when it wrote no console at all. */
  private static List<String> consoleLines(Path console, BoundedProcess.Result process) throws IOException {
    List<String> lines = new ArrayList<>();
    if (Files.exists(console)) {
      lines.addAll(new String(Files.readAllBytes(console), StandardCharsets.ISO_8859_1).lines().toList());
    }
    if (lines.isEmpty()) {
      process.outputTail(20).forEach(line -> lines.add("qemu: " + line));
    }
    return lines;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new BadInputException("cannot remove the scratch folder " + root + ": " + e.getMessage(), e);
    }
  }
}

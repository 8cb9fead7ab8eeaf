package org.kslim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootVerdictTest {
  private static final List<TestDisk> DISKS =
      List.of(new TestDisk("ext4", Path.of("ext4.img"), "/dev/vda"), new TestDisk("xfs", Path.of("xfs.img"), "/dev/sda"));
  private static final BoundedProcess.Result EXITED = new BoundedProcess.Result(0, false, Duration.ofSeconds(12), Path.of("q"));
  private static final BoundedProcess.Result KILLED = new BoundedProcess.Result(-1, true, Duration.ofSeconds(180), Path.of("q"));

  static List<String> log(String name) throws IOException {
    try (InputStream in = BootVerdictTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
    }
  }

  @Test
  void aGoodLogBindsEveryAttachedDeviceAndMountsBothDisks() throws IOException {
    BootLog log = BootLog.parse(log("good-console.log"));
    assertThat(log.kernelRelease()).isEqualTo("6.1.0-56-cloud-amd64");
    assertThat(log.finished()).isTrue();
    assertThat(log.panic()).isEmpty();
    BootVerdict verdict = BootVerdict.judge(log, EXITED, DISKS);
    assertThat(verdict.problems()).isEmpty();
    assertThat(verdict.devices()).allSatisfy(d -> assertThat(d.bound()).as(d.device().label()).isTrue());
    assertThat(verdict.devices()).filteredOn(d -> d.device() == AttachedDevice.VIRTIO_NET).singleElement()
        .satisfies(d -> assertThat(d.seen()).extracting(BootLog.Device::driver).containsExactly("virtio_net"));
    assertThat(verdict.mounts()).containsExactly(new BootLog.Mount("ext4", "/dev/vda", true),
        new BootLog.Mount("xfs", "/dev/sda", true));
  }

  @Test
  void anUnboundNetworkDeviceIsNamed() throws IOException {
    List<String> lines = log("good-console.log").stream()
        .map(line -> line.replace("virtio1 virtio_net ", "virtio1 - "))
        .toList();
    BootVerdict verdict = BootVerdict.judge(BootLog.parse(lines), EXITED, DISKS);
    assertThat(verdict.problems()).containsExactly(
        "attached device virtio-net is bound by no driver: virtio virtio1 virtio:d00000001v00001AF4");
  }

  @Test
  void aPanicFailsWithThePanicLine() throws IOException {
    BootLog log = BootLog.parse(log("panic-console.log"));
    BootVerdict verdict = BootVerdict.judge(log, EXITED, DISKS);
    assertThat(verdict.problems()).containsExactly(
        "the kernel panicked: [    2.925123] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100");
    assertThat(log.tail(2)).last().asString().contains("Rebooting");
  }

  @Test
  void aHangFailsAtTheTimeLimitAndKeepsTheLastLines() throws IOException {
    BootLog log = BootLog.parse(log("hang-console.log"));
    BootVerdict verdict = BootVerdict.judge(log, KILLED, DISKS);
    assertThat(verdict.problems()).containsExactly(
        "the guest did not finish: no end within the time limit, killed after 180 s (a hang?)");
    assertThat(log.tail(BootReport.TAIL)).hasSize(6).last().asString().contains("hung_task_timeout_secs");
  }

  @Test
  void aGuestThatStopsEarlyFailsAndMissingMountsAreNamed() throws IOException {
    List<String> lines = log("good-console.log").stream().filter(line -> !line.contains("KSLIM-MOUNT xfs")).toList();
    assertThat(BootVerdict.judge(BootLog.parse(lines), EXITED, DISKS).problems())
        .containsExactly("xfs on /dev/sda was not mounted");
    List<String> early = lines.stream().filter(line -> !line.contains("KSLIM-END")).toList();
    assertThat(BootVerdict.judge(BootLog.parse(early), EXITED, DISKS).problems())
        .containsExactly("QEMU ended before the guest finished: exit code 0 after 12.0 s");
  }

  @Test
  void theReportShowsDriversMountsAndOnFailureTheLastConsoleLines() throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    BootVerdict good = BootVerdict.judge(BootLog.parse(log("good-console.log")), EXITED, DISKS);
    BootReport.print(new BootTest.BootOutcome("6.1.0-56-cloud-amd64", "modules-core", 777, 30 << 20, good),
        new java.io.PrintWriter(text));
    assertThat(text.toString()).contains("with 777 modules of modules-core (initramfs 30.0 MiB)")
        .contains("virtio_net (virtio virtio1)").contains("mount xfs    /dev/sda  ok").endsWith("PASS" + System.lineSeparator())
        .doesNotContain("last console lines");

    java.io.StringWriter failed = new java.io.StringWriter();
    BootVerdict hang = BootVerdict.judge(BootLog.parse(log("hang-console.log")), KILLED, DISKS);
    BootReport.print(new BootTest.BootOutcome("6.1.0-56-cloud-amd64", "modules-core", 777, 30 << 20, hang),
        new java.io.PrintWriter(failed));
    assertThat(failed.toString()).contains("FAIL the guest did not finish")
        .contains("  | [  242.101010] INFO: task modprobe:96 blocked for more than 120 seconds.")
        .endsWith("FAIL" + System.lineSeparator());
  }
}

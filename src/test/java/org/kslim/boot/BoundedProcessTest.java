package org.kslim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedProcessTest {
  @TempDir Path dir;

  @Test
  void aProgramThatOutlivesItsLimitIsKilledWithEveryProcessItStarted() throws IOException {
    Path childPid = dir.resolve("child.pid");
    Path script = dir.resolve("fake-qemu");
    Files.writeString(script, "#!/bin/sh\nsleep 300 &\necho $! > " + childPid + "\necho started\nsleep 300\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

    BoundedProcess.Result result = BoundedProcess.run(List.of(script.toString()), dir.resolve("out.log"),
        Duration.ofSeconds(2));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.describe()).startsWith("no end within the time limit");
    assertThat(result.outputTail(5)).containsExactly("started");
    long child = Long.parseLong(Files.readString(childPid).strip());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).as("child " + child).isNotEqualTo(java.util.Optional.of(true));
  }

  @Test
  void aProgramThatEndsInTimeGivesItsExitCode() throws IOException {
    BoundedProcess.Result result = BoundedProcess.run(List.of("sh", "-c", "echo hi; exit 3"), dir.resolve("out.log"),
        Duration.ofSeconds(30));
    assertThat(result.timedOut()).isFalse();
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.outputTail(1)).containsExactly("hi");
  }
}

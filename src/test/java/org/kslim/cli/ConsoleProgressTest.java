package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kslim.Progress;

class ConsoleProgressTest {
  private static final long SECOND = 1_000_000_000L;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong();

  @Test
  void terminalRedrawsOneBarInPlaceWithCountsAndThroughput() {
    Progress progress = new ConsoleProgress(err, true, clock::get);
    try (Progress.Task task = progress.start("compressing", 4, 4L << 20)) {
      clock.addAndGet(SECOND);
      task.advance(1, 1L << 20);
      clock.addAndGet(SECOND);
      task.advance(1, 1L << 20);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text.split("\r", -1)).hasSize(4);
    assertThat(text).contains("\rcompressing [###.........] 1/4, 1.0 MiB of 4.0 MiB, 1.0 s, 1.0 MiB/s")
        .contains("\rcompressing [######......] 2/4 done, 2.0 MiB of 4.0 MiB, 2.0 s, 1.0 MiB/s")
        .endsWith("\n");
    for (String frame : text.strip().split("\r")) {
      assertThat(frame.length()).as(frame).isLessThanOrEqualTo(ConsoleProgress.WIDTH);
    }
  }

  @Test
  void terminalDrawsAtMostTenTimesASecond() {
    Progress progress = new ConsoleProgress(err, true, clock::get);
    try (Progress.Task task = progress.start("reading linux.deb", -1, -1)) {
      for (int i = 0; i < 1000; i++) {
        clock.addAndGet(SECOND / 1000);
        task.advance(1, 100);
      }
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text.split("\r", -1).length - 1).isEqualTo(11);
    assertThat(text).contains("reading linux.deb 1000 done, 97.7 KiB, 1.0 s, 97.7 KiB/s");
  }

  @Test
  void offATerminalPrintsALineEveryFiveSecondsAndAtTheEndOfALongStep() {
    Progress progress = new ConsoleProgress(err, false, clock::get);
    try (Progress.Task task = progress.start("compressing", 3, 3_000_000)) {
      for (int i = 0; i < 3; i++) {
        clock.addAndGet(3 * SECOND);
        task.advance(1, 1_000_000);
      }
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "compressing: 2/3, 1.9 MiB of 2.9 MiB, 6.0 s, 325.5 KiB/s",
        "compressing: 3/3 done, 2.9 MiB of 2.9 MiB, 9.0 s, 325.5 KiB/s");
  }

  @Test
  void offATerminalAShortStepPrintsNothing() {
    Progress progress = new ConsoleProgress(err, false, clock::get);
    try (Progress.Task task = progress.start("reading tree", -1, -1)) {
      clock.addAndGet(SECOND);
      task.advance(10, 1000);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void colourOnlyOnATerminalAndNotUnderNoColor() {
    assertThat(Terminal.of(true, java.util.Map.of("TERM", "xterm")).color()).isTrue();
    assertThat(Terminal.of(true, java.util.Map.of("TERM", "xterm", "NO_COLOR", "1")).color()).isFalse();
    assertThat(Terminal.of(true, java.util.Map.of("TERM", "dumb")).color()).isFalse();
    assertThat(Terminal.of(false, java.util.Map.of("TERM", "xterm")).color()).isFalse();
  }
}

package org.kslim.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.kslim.Progress;
import org.kslim.report.ByteUnits;

/**
 * Progress on stderr: a bar redrawn in place with counts and throughput on a terminal; otherwise
 * (a CI log) a plain line every 5 seconds and one when a step that took 2 seconds or more ends.
 *
 * <pre>{@code
 * Progress progress = ConsoleProgress.onStderr(quiet);
 * }</pre>
 */
final class ConsoleProgress implements Progress {
  static final int WIDTH = 79;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long LINE_NANOS = 5_000_000_000L;
  private static final long SHORT_NANOS = 2_000_000_000L;
  private static final int BAR = 12;

  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier nanos;

  ConsoleProgress(PrintStream err, boolean terminal, LongSupplier nanos) {
    this.err = err;
    this.terminal = terminal;
    this.nanos = nanos;
  }

  static ConsoleProgress of(PrintStream err, boolean terminal) {
    return new ConsoleProgress(err, terminal, System::nanoTime);
  }

  /** Progress on this process's stderr, as a bar when it talks to a terminal; nothing when {@code quiet}. */
  static Progress onStderr(boolean quiet) {
    return quiet ? Progress.NONE : of(System.err, Terminal.detect(System.getenv()).interactive());
  }

  @Override
  public Task start(String what, long items, long bytes) {
    return new Step(what, items, bytes, nanos.getAsLong());
  }

  /** One step: counts under its own lock, drawn at most every 100 ms (terminal) or 5 s (lines). */
  private final class Step implements Task {
    private final String what;
    private final long totalItems;
    private final long totalBytes;
    private final long started;
    private long items;
    private long bytes;
    private long drawn;

    Step(String what, long totalItems, long totalBytes, long started) {
      this.what = what;
      this.totalItems = totalItems;
      this.totalBytes = totalBytes;
      this.started = started;
      this.drawn = started;
    }

    @Override
    public synchronized void advance(long moreItems, long moreBytes) {
      items += moreItems;
      bytes += moreBytes;
      long now = nanos.getAsLong();
      if (now - drawn >= (terminal ? REDRAW_NANOS : LINE_NANOS)) {
        drawn = now;
        draw(now, false);
      }
    }

    @Override
    public synchronized void close() {
      long now = nanos.getAsLong();
      if (terminal || now - started >= SHORT_NANOS) {
        draw(now, true);
      }
    }

    private void draw(long now, boolean done) {
      String line = line(now, done);
      if (terminal) {
        err.print("\r" + line + " ".repeat(WIDTH - line.length()) + (done ? "\n" : ""));
      } else {
        err.println(line);
      }
      err.flush();
    }

    /** The counts in full; the name of the step shortened when the line would pass the width. */
    private String line(long now, boolean done) {
      double seconds = Math.max(now - started, 1) / 1e9;
      StringBuilder tail = new StringBuilder();
      if (terminal && totalItems > 0) {
        int filled = (int) Math.min(BAR, BAR * items / totalItems);
        tail.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
      }
      tail.append(items).append(totalItems >= 0 ? "/" + totalItems : "").append(done ? " done, " : ", ");
      tail.append(ByteUnits.format(bytes));
      if (totalBytes > 0) {
        tail.append(" of ").append(ByteUnits.format(totalBytes));
      }
      tail.append(String.format(Locale.ROOT, ", %.1f s, %s/s", seconds, ByteUnits.format((long) (bytes / seconds))));
      String separator = terminal ? " " : ": ";
      int room = Math.max(WIDTH - tail.length() - separator.length(), 4);
      String name = what.length() <= room ? what : what.substring(0, room - 3) + "...";
      String line = name + separator + tail;
      return line.length() <= WIDTH ? line : line.substring(0, WIDTH);
    }
  }
}

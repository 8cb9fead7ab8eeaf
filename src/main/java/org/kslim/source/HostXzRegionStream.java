package org.kslim.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The decoded content of an .xz region of a file (a deb's {@code data.tar.xz}, an rpm's payload),
 * decoded by the host's xz on {@code threads} threads: a thread feeds the region to xz's standard
 * input, this stream reads its output. When xz fails (corrupt data, a memory limit) the stream
 * ends with an {@link IOException} carrying xz's own message, at the offset reached.
 */
final class HostXzRegionStream extends InputStream {
  private final String program;
  private final Process process;
  private final InputStream out;
  private final Thread feeder;
  private final AtomicReference<IOException> feedFailure = new AtomicReference<>();
  private boolean ended;

  private HostXzRegionStream(String program, Process process, FileChannel channel, long offset, long length) {
    this.program = program;
    this.process = process;
    this.out = process.getInputStream();
    this.feeder = new Thread(() -> feed(channel, offset, length), "kslim-xz-region-feed");
    feeder.setDaemon(true);
    feeder.start();
  }

  /** Starts {@code command} (an xz decoding stdin to stdout) on {@code length} bytes at {@code offset}. */
  static HostXzRegionStream start(List<String> command, FileChannel channel, long offset, long length)
      throws IOException {
    return new HostXzRegionStream(command.get(0), new ProcessBuilder(command).start(), channel, offset, length);
  }

  private void feed(FileChannel channel, long offset, long length) {
    try (OutputStream stdin = process.getOutputStream(); WritableByteChannel sink = Channels.newChannel(stdin)) {
      long done = 0;
      while (done < length) {
        long n = channel.transferTo(offset + done, length - done, sink);
        if (n <= 0) {
          throw new IOException("region ends " + (length - done) + " bytes early");
        }
        done += n;
      }
    } catch (IOException e) {
      feedFailure.set(e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (ended) {
      return -1;
    }
    int n = out.read(buffer, offset, length);
    if (n < 0) {
      ended = true;
      checkExit();
    }
    return n;
  }

  /** After the output ends: xz's failure, or a failure to feed it, as an {@link IOException}. */
  private void checkExit() throws IOException {
    int status;
    try {
      status = process.waitFor();
      feeder.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for xz");
    }
    if (status != 0) {
      String message;
      try (InputStream err = process.getErrorStream()) {
        message = new String(err.readNBytes(4096), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
      }
      // "/usr/bin/xz: (stdin): Compressed data is corrupt" reads "xz: (stdin): ..."
      String own = message.startsWith(program + ":") ? "xz" + message.substring(program.length()) : message;
      throw new IOException(own.isEmpty() ? "xz exited with status " + status : own);
    }
    IOException feedError = feedFailure.get();
    if (feedError != null) {
      throw feedError;
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      out.close();
      feeder.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      process.getErrorStream().close();
    }
  }
}

package org.kslim.size;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kslim.BadInputException;

/** A host program ({@code xz}, {@code zstd}, {@code gzip}) compressing stdin to stdout. */
final class SystemCompressor implements Compressor {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+(?:\\.\\d+)+)");

  private final List<String> command;
  private final CompressorDescription description;

  private SystemCompressor(List<String> command, CompressorDescription description) {
    this.command = List.copyOf(command);
    this.description = description;
  }

  /** {@code xz} as dpkg-deb's liblzma encoder: threads, blocks of {@code blockSize}, CRC64. */
  static SystemCompressor xz(int level, int threads, long blockSize) {
    return of("xz", level, threads, blockSize,
        List.of("-z", "-c", "-q", "-" + level, "-T" + threads, "--block-size=" + blockSize));
  }

  /** {@code zstd} as rpm's {@code w<level>.zstdio}: no worker threads, no checksum. */
  static SystemCompressor zstd(int level) {
    List<String> options = new ArrayList<>(List.of("-q", "-c", "--single-thread", "--no-check"));
    if (level > 19) {
      options.add("--ultra");
    }
    options.add("-" + level);
    return of("zstd", level, 1, 0, options);
  }

  /** {@code gzip -n}, as dpkg-deb and rpm write gzip members: no name, no time. */
  static SystemCompressor gzip(int level) {
    return of("gzip", level, 1, 0, List.of("-n", "-c", "-" + level));
  }

  private static SystemCompressor of(String program, int level, int threads, long blockSize,
      List<String> options) {
    List<String> command = new ArrayList<>();
    command.add(program);
    command.addAll(options);
    return new SystemCompressor(command,
        new CompressorDescription(program, level, program, version(program), threads, blockSize));
  }

  /** The version the program prints first, as {@code 5.4.1}. */
  static String version(String program) {
    Process process = launch(List.of(program, "--version"));
    try (InputStream out = process.getInputStream()) {
      String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      String first = text.lines().findFirst().orElse("");
      Matcher m = VERSION.matcher(first.replace(program, ""));
      if (!m.find()) {
        throw new BadInputException(program + " --version printed no version: '" + first + "'");
      }
      return m.group(1);
    } catch (IOException e) {
      throw new BadInputException(program + " --version failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException(program + " --version interrupted", e);
    }
  }

  @Override
  public CompressorDescription description() {
    return description;
  }

  @Override
  public OutputStream open(OutputStream sink) {
    Process process = launch(command);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    Pump outPump = new Pump(process.getInputStream(), sink);
    Pump errPump = new Pump(process.getErrorStream(), errors);
    return new FilterOutputStream(process.getOutputStream()) {
      private boolean closed;

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        out.close();
        try {
          outPump.finish();
          errPump.finish();
          int status = process.waitFor();
          if (status != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + status + ": "
                + errors.toString(StandardCharsets.UTF_8).strip());
          }
        } catch (InterruptedException e) {
          process.destroy();
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while running " + command.get(0));
        }
      }
    };
  }

  private static Process launch(List<String> command) {
    try {
      return new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new BadInputException("cannot run " + command.get(0) + " (--compressor system needs it on PATH): "
          + e.getMessage(), e);
    }
  }

  /** Copies a process's output in the background and keeps any failure for the closer. */
  private static final class Pump extends Thread {
    private final InputStream from;
    private final OutputStream to;
    private volatile IOException failure;

    Pump(InputStream from, OutputStream to) {
      super("kslim-pump");
      this.from = from;
      this.to = to;
      setDaemon(true);
      start();
    }

    @Override
    public void run() {
      try (from) {
        from.transferTo(to);
      } catch (IOException e) {
        failure = e;
      }
    }

    void finish() throws InterruptedException, IOException {
      join();
      if (failure != null) {
        throw failure;
      }
    }
  }
}

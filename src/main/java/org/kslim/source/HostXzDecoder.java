package org.kslim.source;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decodes many small .xz streams (module files) with one run of the host's {@code xz}: the
 * streams go to its standard input one after the other, and its output is cut into each stream's
 * content by the sizes their indexes declare ({@link XzStreamIndex}). liblzma decodes LZMA2 in
 * about half the CPU time xz-java takes, and a process per batch, not per module, keeps the cost
 * of starting processes small.
 *
 * <pre>{@code
 * Optional<HostXzDecoder> xz = HostXzDecoder.find();
 * Optional<List<ByteBuffer>> plain = xz.get().decode(List.of(
 *     new HostXzDecoder.Input(a, null, XzStreamIndex.uncompressedSize(a)),
 *     new HostXzDecoder.Input(b, null, XzStreamIndex.uncompressedSize(b))));
 * // empty when xz failed or gave other sizes: decode each stream alone then, for its own error
 * }</pre>
 *
 * <p>Used when {@code xz} is on the {@code PATH} and the system property {@value #PROPERTY} is not
 * {@code builtin}. The results are the same either way: only the time differs.
 */
public final class HostXzDecoder {
  /** The system property that turns the host's xz off: {@code builtin}. */
  public static final String PROPERTY = "kslim.xz-decoder";
  private static final int PIPE_SIZE = 65536;
  private static final File NULL_FILE = new File("/dev/null");

  private final Path program;

  private HostXzDecoder(Path program) {
    this.program = program;
  }

  /** The host's xz, unless {@value #PROPERTY} says {@code builtin} or there is none on the PATH. */
  public static Optional<HostXzDecoder> find() {
    String choice = System.getProperty(PROPERTY, "auto");
    if (choice.equals("builtin")) {
      return Optional.empty();
    }
    if (!choice.equals("auto")) {
      throw new org.kslim.UsageException(
          "system property " + PROPERTY + " must be auto or builtin: '" + choice + "'");
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "xz");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(new HostXzDecoder(candidate));
      }
    }
    return Optional.empty();
  }

  /**
   * The decoded content of {@code length} bytes of .xz at {@code offset} of {@code channel}, by
   * xz on {@code threads} threads (it decodes the independent blocks of a multi-block stream at
   * once). Read errors carry xz's message. The caller closes the stream before the channel.
   */
  public InputStream region(FileChannel channel, long offset, long length, int threads) throws IOException {
    return HostXzRegionStream.start(command("-q", "-T" + threads), channel, offset, length);
  }

  /** {@code xz} decoding to standard output within {@link Compression#XZ_MEMORY}, with {@code options}. */
  private List<String> command(String... options) {
    List<String> command = new ArrayList<>(List.of(program.toString(), "-d", "-c",
        "--memlimit-decompress=" + Compression.XZ_MEMORY.value()));
    command.addAll(List.of(options));
    return command;
  }

  /**
   * One .xz stream to decode.
   *
   * @param stream its bytes
   * @param file the file holding exactly these bytes, which xz then reads itself; null for none
   * @param size the bytes it decodes to, as its index declares ({@link XzStreamIndex})
   */
  public record Input(ByteBuffer stream, Path file, long size) {
    public Input {
      Objects.requireNonNull(stream, "stream");
      if (size < 0) {
        throw new IllegalArgumentException("size must not be negative: " + size);
      }
    }
  }

  /**
   * The contents of {@code inputs}, decoded by one xz process, each exactly its declared size
   * (slices of one array); empty when xz cannot be started, fails, or its output does not add up
   * to those sizes. xz reads the files itself when every input has one, else the streams come
   * through its standard input.
   */
  public Optional<List<ByteBuffer>> decode(List<Input> inputs) {
    boolean files = inputs.stream().allMatch(input -> input.file() != null);
    List<String> command = command("-q", "-q", "-T1");
    if (files) {
      command.add("--");
      inputs.forEach(input -> command.add(input.file().toString()));
    }
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(files ? ProcessBuilder.Redirect.from(NULL_FILE) : ProcessBuilder.Redirect.PIPE)
          .start();
    } catch (IOException e) {
      return Optional.empty();
    }
    AtomicReference<IOException> writeFailure = new AtomicReference<>();
    Thread writer = new Thread(() -> feed(process.getOutputStream(), inputs, writeFailure), "kslim-xz-feed");
    writer.setDaemon(true);
    if (!files) {
      writer.start();
    }
    try (InputStream out = process.getInputStream()) {
      byte[] all = new byte[Math.toIntExact(inputs.stream().mapToLong(Input::size).sum())];
      if (readFully(out, all) < all.length) {
        return Optional.empty();
      }
      List<ByteBuffer> decoded = new ArrayList<>(inputs.size());
      int at = 0;
      for (Input input : inputs) {
        decoded.add(ByteBuffer.wrap(all, at, (int) input.size()).slice());
        at += (int) input.size();
      }
      boolean whole = out.read() < 0;
      if (!files) {
        writer.join();
      }
      return whole && process.waitFor() == 0 && writeFailure.get() == null ? Optional.of(decoded) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      process.destroy();
    }
  }

  /**
   * Reads {@code target} full, or to the end of {@code in}; returns the bytes read. Reads a pipe's
   * worth at a time: a larger read of a process's output would only allocate a larger native
   * buffer for the same 64 KiB.
   */
  private static int readFully(InputStream in, byte[] target) throws IOException {
    int at = 0;
    while (at < target.length) {
      int n = in.read(target, at, Math.min(PIPE_SIZE, target.length - at));
      if (n < 0) {
        break;
      }
      at += n;
    }
    return at;
  }

  private static void feed(OutputStream stdin, List<Input> inputs, AtomicReference<IOException> failure) {
    try (WritableByteChannel channel = Channels.newChannel(stdin)) {
      for (Input input : inputs) {
        ByteBuffer rest = input.stream().duplicate();
        while (rest.hasRemaining()) {
          channel.write(rest);
        }
      }
    } catch (IOException e) {
      failure.set(e);
    }
  }
}

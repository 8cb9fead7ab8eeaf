package org.kslim.size;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * Independent xz blocks compressed in parallel and laid out in one stream as liblzma's
 * multi-threaded encoder (dpkg-deb's) lays them out: each block holds {@code blockSize} bytes of
 * input, compressed from an empty dictionary. A block is encoded by xz-java, or by the host's
 * {@code xz} run on that block alone with the options of the whole stream (which gives the very
 * block {@code xz -T<threads> --block-size} writes). Every stream opened from one compressor
 * shares its {@code threads} workers, which take the largest block waiting first, so payloads
 * compressed at the same time keep every core busy until the end. Because blocks are independent,
 * measuring a payload ({@link #lengths}) takes the sizes of every block compressed before from a
 * {@link SizeCache}, keyed by the block's content: after a policy edit, only the blocks from the
 * first changed file on are compressed again.
 */
final class XzBlockCompressor implements Compressor, CachedLengths {
  /** Turns one chunk of input into the block a multi-threaded encoder writes for it. */
  @FunctionalInterface
  interface BlockEncoder {
    XzStreamFormat.Block encode(byte[] chunk, int length) throws IOException;
  }

  private final CompressorDescription description;
  private final int blockSize;
  private final BlockEncoder encoder;
  private final ThreadPoolExecutor workers;
  /** Blocks cut but not yet compressed, across every open stream: bounds the memory they take. */
  private final Semaphore inFlight;

  /** xz-java at {@code level}. */
  XzBlockCompressor(int level, int threads, long blockSize) {
    this(new CompressorDescription("xz", level, "xz-java", CompressorKind.libraryVersion(XZOutputStream.class),
        threads, checkedBlockSize(blockSize)), (chunk, length) -> XzStreamFormat.singleBlock(javaXz(level, chunk, length)));
  }

  private XzBlockCompressor(CompressorDescription description, BlockEncoder encoder) {
    this.description = description;
    this.blockSize = checkedBlockSize(description.blockSize());
    this.encoder = encoder;
    int threads = description.threads();
    this.workers = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "kslim-xz");
      thread.setDaemon(true);
      return thread;
    });
    this.workers.allowCoreThreadTimeOut(true);
    this.inFlight = new Semaphore(2 * threads + 1);
  }

  /** The host's {@code xz} at {@code level}, one process per block, {@code threads} at a time. */
  static XzBlockCompressor system(int level, int threads, long blockSize) {
    SystemCompressor xz = SystemCompressor.xz(level, threads, blockSize);
    return new XzBlockCompressor(xz.description(), (chunk, length) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream(length / 3 + 1024);
      try (OutputStream in = xz.open(out)) {
        in.write(chunk, 0, length);
      }
      return XzStreamFormat.singleBlock(out.toByteArray());
    });
  }

  private static int checkedBlockSize(long blockSize) {
    if (blockSize < 1 || blockSize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("xz block size must be 1.." + (Integer.MAX_VALUE - 8) + ": " + blockSize);
    }
    return (int) blockSize;
  }

  @Override
  public CompressorDescription description() {
    return description;
  }

  @Override
  public OutputStream open(OutputStream sink) {
    return new BlockStream(sink, null);
  }

  @Override
  public long[] lengths(PayloadWriter writer, List<FileContent> files, SizeCache cache) throws IOException {
    BlockStream blocks = new BlockStream(null, cache);
    CountingOutputStream raw = new CountingOutputStream(blocks);
    try (raw) {
      writer.write(files, raw);
    }
    return new long[] {raw.count(), blocks.length};
  }

  /** What the block sizes in the cache belong to: level and encoder, never threads. */
  private String blockLabel() {
    return "xz -" + description.level() + " block (" + description.implementation() + " " + description.version() + ")";
  }

  private static byte[] javaXz(int level, byte[] chunk, int length) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length / 3 + 1024);
    try (XZOutputStream xz = new XZOutputStream(out, options(level), XZ.CHECK_CRC64)) {
      xz.write(chunk, 0, length);
    }
    return out.toByteArray();
  }

  /** The xz preset {@code level}, as {@code xz -<level>} uses it. */
  static LZMA2Options options(int level) {
    try {
      return new LZMA2Options(level);
    } catch (UnsupportedOptionsException e) {
      throw new IllegalArgumentException("xz level must be 0..9: " + level, e);
    }
  }

  /** A block's compression waiting for a worker (the larger block goes first); done, it frees its place. */
  private final class BlockTask extends FutureTask<XzStreamFormat.Block> implements Comparable<BlockTask> {
    private final int length;

    BlockTask(Callable<XzStreamFormat.Block> encoding, int length) {
      super(encoding);
      this.length = length;
    }

    @Override
    protected void done() {
      inFlight.release();
    }

    @Override
    public int compareTo(BlockTask other) {
      return Integer.compare(other.length, length);
    }
  }

  /**
   * Buffers a block of input, hands it to a worker, and writes the stream when closed; without a
   * sink it only measures, taking blocks compressed before from the cache.
   */
  private final class BlockStream extends OutputStream {
    private final OutputStream sink;
    private final SizeCache cache;
    private final List<Future<XzStreamFormat.Block>> blocks = new ArrayList<>();
    private byte[] chunk = new byte[0];
    private int filled;
    private boolean closed;
    private long length;

    BlockStream(OutputStream sink, SizeCache cache) {
      this.sink = sink;
      this.cache = cache;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      int at = offset;
      int rest = length;
      while (rest > 0) {
        int n = Math.min(rest, blockSize - filled);
        if (filled + n > chunk.length) {
          // grow towards a whole block: a small file never costs a block-sized buffer
          chunk = Arrays.copyOf(chunk, (int) Math.min(blockSize, Math.max(2L * chunk.length, filled + n)));
        }
        System.arraycopy(bytes, at, chunk, filled, n);
        filled += n;
        at += n;
        rest -= n;
        if (filled == blockSize) {
          submit();
        }
      }
    }

    private void submit() throws IOException {
      byte[] full = chunk;
      int length = filled;
      chunk = new byte[0];
      filled = 0;
      String key = cache == null ? null : ContentHash.of(full, length) + " " + blockLabel();
      Optional<long[]> sizes = key == null ? Optional.empty() : cache.get("xz-block", key).filter(v -> v.length == 2);
      if (sizes.isPresent()) {
        blocks.add(CompletableFuture.completedFuture(XzStreamFormat.Block.measured(sizes.get()[0], sizes.get()[1])));
        return;
      }
      try {
        inFlight.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while compressing");
      }
      BlockTask task = new BlockTask(() -> {
        XzStreamFormat.Block block = encoder.encode(full, length);
        if (key != null) {
          cache.put("xz-block", key, block.unpaddedSize(), block.uncompressedSize());
        }
        return block;
      }, length);
      blocks.add(task);
      workers.execute(task);
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        List<XzStreamFormat.Block> done = new ArrayList<>();
        if (blocks.isEmpty() && filled > 0 && cache == null) {
          // input of one block or less (a single file): compress here, no worker needed
          done.add(encoder.encode(chunk, filled));
        } else if (filled > 0) {
          submit();
        }
        for (Future<XzStreamFormat.Block> block : blocks) {
          done.add(block.get());
        }
        if (sink == null) {
          length = XzStreamFormat.length(done);
        } else {
          XzStreamFormat.write(done, sink);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while compressing");
      } catch (ExecutionException e) {
        throw new IOException("xz compression failed: " + e.getCause().getMessage(), e.getCause());
      } finally {
        blocks.forEach(block -> block.cancel(true));
      }
    }
  }
}

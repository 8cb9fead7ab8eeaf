package org.kslim.size;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * xz-java compressing independent blocks in parallel, laid out in one stream as liblzma's
 * multi-threaded encoder (dpkg-deb's) lays them out: each block holds {@code blockSize} bytes of
 * input, compressed from an empty dictionary. Because blocks are independent, measuring a payload
 * ({@link #lengths}) takes the sizes of every block it compressed before from a {@link SizeCache},
 * keyed by the block's content: after a policy edit, only the blocks from the first changed file
 * on are compressed again.
 */
final class XzBlockCompressor implements Compressor, CachedLengths {
  private final int level;
  private final int threads;
  private final int blockSize;

  XzBlockCompressor(int level, int threads, long blockSize) {
    if (blockSize < 1 || blockSize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("xz block size must be 1.." + (Integer.MAX_VALUE - 8) + ": " + blockSize);
    }
    this.level = level;
    this.threads = threads;
    this.blockSize = (int) blockSize;
  }

  @Override
  public CompressorDescription description() {
    return new CompressorDescription("xz", level, "xz-java",
        CompressorKind.libraryVersion(XZOutputStream.class), threads, blockSize);
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

  /** What the block sizes in the cache belong to: level and library, never threads. */
  private String blockLabel() {
    return "xz -" + level + " block (xz-java " + CompressorKind.libraryVersion(XZOutputStream.class) + ")";
  }

  private byte[] compress(byte[] chunk, int length) throws IOException {
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

  /**
   * Buffers a block of input, hands it to a worker, and writes the stream when closed; without a
   * sink it only measures, taking blocks compressed before from the cache.
   */
  private final class BlockStream extends OutputStream {
    private final OutputStream sink;
    private final SizeCache cache;
    private long length;
    private ExecutorService pool;
    private final Semaphore inFlight = new Semaphore(threads);
    private final List<Future<XzStreamFormat.Block>> blocks = new ArrayList<>();
    private byte[] chunk = new byte[0];
    private int filled;
    private boolean closed;

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
      if (pool == null) {
        pool = Executors.newFixedThreadPool(threads, task -> {
          Thread thread = new Thread(task, "kslim-xz");
          thread.setDaemon(true);
          return thread;
        });
      }
      blocks.add(pool.submit(() -> {
        try {
          XzStreamFormat.Block block = XzStreamFormat.singleBlock(compress(full, length));
          if (key != null) {
            cache.put("xz-block", key, block.unpaddedSize(), block.uncompressedSize());
          }
          return block;
        } finally {
          inFlight.release();
        }
      }));
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
          done.add(XzStreamFormat.singleBlock(compress(chunk, filled)));
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
        if (pool != null) {
          pool.shutdownNow();
        }
      }
    }
  }
}

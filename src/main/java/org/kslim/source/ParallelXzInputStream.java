package org.kslim.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.SeekableXZInputStream;

/**
 * The decompressed content of a multi-block .xz region, its blocks decoded ahead on a small
 * thread pool and handed out in order: at most {@link #IN_FLIGHT} blocks are decoded or waiting
 * at any time, so memory stays bounded by a few block sizes; a block's array, once read, takes
 * the next block decoded, so the decoded data costs no allocation past the first few blocks.
 */
final class ParallelXzInputStream extends InputStream {
  static final int IN_FLIGHT = 3;

  private final FileChannel channel;
  private final long offset;
  private final long length;
  private final int[] blockSizes;
  private final ExecutorService pool;
  private final Deque<Future<Block>> pending = new ArrayDeque<>();
  /** Arrays of blocks already read, for the next blocks to be decoded into (their size, the largest block's). */
  private final Queue<byte[]> free = new ConcurrentLinkedQueue<>();
  private final int largestBlock;
  private int nextBlock;
  private Block current = new Block(new byte[0], 0);
  private int position;

  /** @param blockSizes the uncompressed size of each block, from the stream's index */
  ParallelXzInputStream(FileChannel channel, long offset, long length, int[] blockSizes, int threads) {
    this.channel = channel;
    this.offset = offset;
    this.length = length;
    this.blockSizes = blockSizes.clone();
    this.largestBlock = Arrays.stream(blockSizes).max().orElse(0);
    this.pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "xz-block-decoder");
      thread.setDaemon(true);
      return thread;
    });
    fill();
  }

  @Override
  public int read() throws IOException {
    if (!ensureData()) {
      return -1;
    }
    return current.data()[position++] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!ensureData()) {
      return -1;
    }
    int n = Math.min(len, current.length() - position);
    System.arraycopy(current.data(), position, buffer, off, n);
    position += n;
    return n;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    pending.clear();
    free.clear();
  }

  private boolean ensureData() throws IOException {
    while (position == current.length()) {
      Future<Block> next = pending.poll();
      if (next == null) {
        return false;
      }
      if (current.data().length == largestBlock) {
        free.add(current.data());
      }
      current = await(next);
      position = 0;
      fill();
    }
    return true;
  }

  private void fill() {
    while (pending.size() < IN_FLIGHT && nextBlock < blockSizes.length) {
      int block = nextBlock++;
      pending.add(pool.submit(() -> decode(block)));
    }
  }

  private Block decode(int block) throws IOException {
    FileRegionInput region = new FileRegionInput(channel, offset, length);
    try (SeekableXZInputStream xz = new SeekableXZInputStream(region, Compression.memoryLimitKib(), BasicArrayCache.getInstance())) {
      xz.seekToBlock(block);
      byte[] reused = free.poll();
      byte[] data = reused != null ? reused : new byte[largestBlock];
      int size = blockSizes[block];
      int n = xz.readNBytes(data, 0, size);
      if (n != size) {
        throw new IOException("xz block " + block + " ends after " + n + " of " + size + " bytes");
      }
      return new Block(data, size);
    }
  }

  /** A decoded block: its first {@code length} bytes of {@code data}. */
  private record Block(byte[] data, int length) {}

  private static Block await(Future<Block> block) throws IOException {
    try {
      return block.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while decoding xz", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) e.getCause();
    }
  }
}

package org.kslim.size;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import org.kslim.Progress;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * Each file compressed alone with a payload's algorithm and level, as {@code xz -6 FILE} or
 * {@code zstd -19 FILE} compresses it: the figures that estimate a file's share of a payload.
 * Files are spread over several threads; each thread keeps one encoder and reuses its buffers
 * (xz-java's array cache, one zstd context, one deflater) from file to file. Figures come from
 * and go to the {@link SizeCache}, keyed by content hash and {@link #label()}.
 */
final class AloneSizes {
  private static final int GZIP_FRAME = 18;

  private final PayloadCompression compression;
  private final int threads;
  private final SizeCache cache;
  private final String label;

  AloneSizes(PayloadCompression compression, int threads, SizeCache cache) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.compression = compression;
    this.threads = threads;
    this.cache = cache;
    this.label = compression.builtInLabel("alone");
  }

  /** What the figures are, for cache keys: {@code xz -6 alone (xz-java 1.12)}. */
  String label() {
    return label;
  }


  /**
   * The compressed length of each of {@code contents} (by content hash), telling {@code progress}
   * of every file compressed or found in the cache.
   */
  Map<String, Long> measure(Map<String, byte[]> contents, Progress progress) throws IOException {
    List<Map.Entry<String, byte[]>> work = new ArrayList<>(contents.entrySet());
    // largest first, so that no thread is left with one large file at the end
    work.sort((a, b) -> Integer.compare(b.getValue().length, a.getValue().length));
    long bytes = work.stream().mapToLong(e -> e.getValue().length).sum();
    Map<String, Long> lengths = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "kslim-alone");
      thread.setDaemon(true);
      return thread;
    });
    try (Progress.Task task = progress.start("compressing each file alone", work.size(), bytes)) {
      List<Future<Void>> workers = new ArrayList<>();
      for (int i = 0; i < Math.min(threads, work.size()); i++) {
        workers.add(pool.submit(() -> {
          try (Encoder encoder = encoder()) {
            for (int at = next.getAndIncrement(); at < work.size(); at = next.getAndIncrement()) {
              Map.Entry<String, byte[]> file = work.get(at);
              lengths.put(file.getKey(), length(encoder, file.getKey(), file.getValue()));
              task.advance(1, file.getValue().length);
            }
          }
          return null;
        }));
      }
      for (Future<Void> worker : workers) {
        worker.get();
      }
      return Map.copyOf(lengths);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing files alone");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("compressing files alone failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private long length(Encoder encoder, String hash, byte[] bytes) throws IOException {
    String key = hash + " " + label();
    Optional<long[]> cached = cache.get("file", key).filter(v -> v.length == 1);
    if (cached.isPresent()) {
      return cached.get()[0];
    }
    long length = encoder.length(bytes);
    cache.put("file", key, length);
    return length;
  }

  private Encoder encoder() {
    int level = compression.level();
    return switch (compression.compression()) {
      case XZ -> new XzEncoder(level);
      case ZSTD -> new ZstdEncoder(level);
      default -> new GzipEncoder(level);
    };
  }

  /** One thread's encoder: compresses one file at a time, keeping its state between files. */
  private interface Encoder extends AutoCloseable {
    long length(byte[] bytes) throws IOException;

    @Override
    void close();
  }

  /** xz-java with the preset's options, its dictionary and match finder arrays kept in a cache. */
  private static final class XzEncoder implements Encoder {
    private final BasicArrayCache arrays = new BasicArrayCache();
    private final int level;

    XzEncoder(int level) {
      this.level = level;
    }

    @Override
    public long length(byte[] bytes) throws IOException {
      CountingOutputStream counted = new CountingOutputStream(OutputStream.nullOutputStream());
      try (XZOutputStream xz = new XZOutputStream(counted, XzBlockCompressor.options(level), XZ.CHECK_CRC64, arrays)) {
        xz.write(bytes);
      }
      return counted.count();
    }

    @Override
    public void close() {
      // the array cache is plain heap memory
    }
  }

  /** One zstd context, without checksum as rpm's payloads, into one output buffer that grows. */
  private static final class ZstdEncoder implements Encoder {
    private final ZstdCompressCtx context = new ZstdCompressCtx();
    private byte[] out = new byte[0];

    ZstdEncoder(int level) {
      context.setLevel(level);
      context.setChecksum(false);
    }

    @Override
    public long length(byte[] bytes) {
      int bound = (int) Math.min(Integer.MAX_VALUE - 8, Zstd.compressBound(bytes.length));
      if (out.length < bound) {
        out = new byte[bound];
      }
      return context.compressByteArray(out, 0, out.length, bytes, 0, bytes.length);
    }

    @Override
    public void close() {
      context.close();
    }
  }

  /** One deflater, reset between files; a gzip member adds its 10-byte header and 8-byte trailer. */
  private static final class GzipEncoder implements Encoder {
    private final Deflater deflater;
    private final byte[] out = new byte[65536];

    GzipEncoder(int level) {
      deflater = new Deflater(level, true);
    }

    @Override
    public long length(byte[] bytes) {
      deflater.reset();
      deflater.setInput(bytes);
      deflater.finish();
      long length = GZIP_FRAME;
      while (!deflater.finished()) {
        length += deflater.deflate(out);
      }
      return length;
    }

    @Override
    public void close() {
      deflater.end();
    }
  }
}

package org.kslim.size;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.kslim.source.Compression;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * Each file's share of its package's compressed payload: the files are compressed one after
 * another in payload order with the payload's algorithm and level, flushing after each one, and a
 * file's share is what its bytes added to the output. The encoder keeps its dictionary across the
 * flushes, so a file is measured in the company of the files before it, as in the real payload: a
 * directory of small similar drivers costs less than the same files compressed alone would say.
 * Segments of the payload as long as its independent blocks (xz: three dictionaries; zstd: one
 * job) are measured on separate threads, each from an empty dictionary as the real blocks start.
 * A package's shares are cached under its key (its entries and content hashes) and
 * {@link #label()}.
 *
 * <pre>{@code
 * long[] shares = new ShareSizes(PayloadCompression.DEB_DEFAULT, 2, cache).measure(key, files);
 * }</pre>
 */
final class ShareSizes {
  private final PayloadCompression compression;
  private final int threads;
  private final SizeCache cache;
  private final String label;

  ShareSizes(PayloadCompression compression, int threads, SizeCache cache) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.compression = compression;
    this.threads = threads;
    this.cache = cache;
    this.label = compression.builtInLabel("shares in payload order");
  }

  /** What the shares are, for cache keys: {@code xz -6 shares in payload order (xz-java 1.12)}. */
  String label() {
    return label;
  }


  /** The cached shares of the package known by {@code key} with {@code count} entries, if any. */
  Optional<long[]> cached(String key, int count) {
    return cache.get("shares", key + " " + label).filter(v -> v.length == count);
  }

  /**
   * The share of each of {@code files} (0 for anything but a regular file), from the cache or
   * measured and cached.
   */
  long[] measure(String key, List<FileContent> files) throws IOException {
    Optional<long[]> cached = cached(key, files.size());
    if (cached.isPresent()) {
      return cached.get();
    }
    long[] shares = new long[files.size()];
    List<int[]> segments = segments(files);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, segments.size())), task -> {
      Thread thread = new Thread(task, "kslim-shares");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int[] segment : segments) {
        done.add(pool.submit(() -> {
          measure(files, segment[0], segment[1], shares);
          return null;
        }));
      }
      for (Future<Void> future : done) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while measuring compressed shares");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("measuring compressed shares failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    cache.put("shares", key + " " + label, shares);
    return shares;
  }

  /** Index ranges [from, to) of {@code files} holding about one independent block of content each. */
  private List<int[]> segments(List<FileContent> files) {
    long block = switch (compression.compression()) {
      case XZ -> CompressorKind.xzBlockSize(compression.level());
      case ZSTD -> ZstdCompressor.JOB_SIZE;
      default -> Long.MAX_VALUE;
    };
    List<int[]> segments = new ArrayList<>();
    int from = 0;
    long bytes = 0;
    for (int i = 0; i < files.size(); i++) {
      bytes += files.get(i).entry().isFile() ? files.get(i).bytes().length : 0;
      if (bytes >= block) {
        segments.add(new int[] {from, i + 1});
        from = i + 1;
        bytes = 0;
      }
    }
    if (from < files.size()) {
      segments.add(new int[] {from, files.size()});
    }
    return segments;
  }

  private void measure(List<FileContent> files, int from, int to, long[] shares) throws IOException {
    CountingOutputStream counted = new CountingOutputStream(OutputStream.nullOutputStream());
    try (OutputStream encoder = open(counted)) {
      for (int i = from; i < to; i++) {
        FileContent file = files.get(i);
        if (file.entry().isFile()) {
          long before = counted.count();
          encoder.write(file.bytes());
          encoder.flush();
          shares[i] = counted.count() - before;
        }
      }
    }
  }

  /** An encoder whose {@code flush()} emits all it has taken and keeps its dictionary. */
  private OutputStream open(OutputStream sink) throws IOException {
    int level = compression.level();
    Compression algorithm = compression.compression();
    return switch (algorithm) {
      case XZ -> new XZOutputStream(sink, XzBlockCompressor.options(level), XZ.CHECK_CRC64);
      case ZSTD -> {
        ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(sink, level);
        zstd.setChecksum(false);
        yield zstd;
      }
      default -> new DeflaterOutputStream(sink, new Deflater(level, true), 65536, true) {
        @Override
        public void close() throws IOException {
          super.close();
          def.end();
        }
      };
    };
  }
}

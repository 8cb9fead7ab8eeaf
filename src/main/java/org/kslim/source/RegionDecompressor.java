package org.kslim.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.Optional;
import org.tukaani.xz.SeekableXZInputStream;

/**
 * Decompresses a region of a file (a deb's data.tar member, an rpm's payload) by its magic
 * bytes, with an output limit; a read error of the data (corrupt or truncated) comes out as a
 * {@link org.kslim.MalformedInputException} naming the compression and {@code source}. An .xz
 * region of {@value #HOST_XZ_MIN_LENGTH} bytes or more is decoded by the host's xz where there is
 * one ({@link HostXzDecoder}), on every core; otherwise a multi-block .xz region is decoded by
 * xz-java on every core, a few blocks ahead, and still read as one sequential stream; anything
 * else is decoded sequentially.
 *
 * <pre>{@code
 * try (FileChannel channel = FileChannel.open(deb);
 *     InputStream tar = RegionDecompressor.open(channel, 132, 70_459_404, 8L << 30, "pkg.deb!data.tar.xz")) {
 *   tar.transferTo(OutputStream.nullOutputStream());
 * }
 * }</pre>
 */
public final class RegionDecompressor {
  /** Blocks larger than this are decoded sequentially: a few of them in flight would cost too much memory. */
  static final long MAX_PARALLEL_BLOCK = 64L << 20;
  private static final int BUFFER = 65536;
  /** Smaller .xz regions (a deb's control.tar.xz) are decoded in Java: a process would cost more. */
  static final long HOST_XZ_MIN_LENGTH = 1 << 20;

  private RegionDecompressor() {}

  /**
   * The decompressed content of {@code length} bytes at {@code offset} of {@code channel},
   * failing with a {@link org.kslim.BadInputException} naming {@code source} past
   * {@code maxOutput} bytes. The caller closes the stream, then the channel.
   *
   * @throws org.kslim.MalformedInputException naming {@code source} when the region cannot be
   *     read or its compressed data is corrupt from the start (a truncated xz index, a bad header)
   */
  public static InputStream open(FileChannel channel, long offset, long length, long maxOutput, String source) {
    try {
      return decompress(channel, offset, length, maxOutput, source);
    } catch (IOException e) {
      throw ReadErrorInputStream.readError("compressed data", 0, source, e);
    }
  }

  private static InputStream decompress(FileChannel channel, long offset, long length, long maxOutput, String source)
      throws IOException {
    FileRegionInput region = new FileRegionInput(channel, offset, length);
    byte[] head = region.readNBytes(8);
    region.seek(0);
    Compression compression = Compression.detect(head, head.length);
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), ParallelXzInputStream.IN_FLIGHT);
    Optional<HostXzDecoder> host = compression == Compression.XZ && length >= HOST_XZ_MIN_LENGTH
        ? HostXzDecoder.find() : Optional.empty();
    if (host.isPresent()) {
      InputStream decoded = host.get().region(channel, offset, length, threads);
      return new LimitedInputStream(new ReadErrorInputStream(decoded, compression.name(), source), maxOutput,
          source + ": " + compression.name());
    }
    if (compression == Compression.XZ && threads > 1) {
      int[] blocks = parallelBlocks(region, maxOutput);
      if (blocks.length > 1) {
        InputStream parallel = new ParallelXzInputStream(channel, offset, length, blocks, threads);
        return new LimitedInputStream(new ReadErrorInputStream(parallel, compression.name(), source), maxOutput,
            source + ": " + compression.name());
      }
      region.seek(0);
    }
    InputStream decompressed = compression.decompress(new BufferedInputStream(region, BUFFER), maxOutput, source);
    return new ReadErrorInputStream(decompressed, compression.name(), source);
  }

  /**
   * The uncompressed block sizes of the xz in {@code region}, or none when it is not worth
   * decoding in parallel or a block claims more than {@code maxOutput} (the sequential decoder
   * then fails at the limit, having allocated nothing for the claim).
   */
  private static int[] parallelBlocks(FileRegionInput region, long maxOutput) throws IOException {
    SeekableXZInputStream index = new SeekableXZInputStream(region, Compression.memoryLimitKib());
    int count = index.getBlockCount();
    if (count < 2 || index.getLargestBlockSize() > Math.min(MAX_PARALLEL_BLOCK, maxOutput)) {
      return new int[0];
    }
    int[] sizes = new int[count];
    for (int i = 0; i < count; i++) {
      sizes[i] = (int) index.getBlockSize(i);
    }
    return sizes;
  }
}

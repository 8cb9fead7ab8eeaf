package org.kslim.elf;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads ELF files from channels, a region at a time, into one buffer it reuses: the header and
 * section table first, then each section only when it is asked for ({@link ElfFile#bytes},
 * {@link ElfFile#symbolTable}, {@link ElfFile#string}). A kernel module's symbol tables, strings and
 * {@code .modinfo} are an eighth of its bytes; the code and data that make up the rest are never
 * read, nor mapped, nor copied. A file of at most {@link #WHOLE_READ} bytes is read whole, in
 * one call. Not thread-safe: one reader a thread, and an {@link ElfFile} it
 * returned is valid only until its next {@link #read}.
 *
 * <pre>{@code
 * ElfChannelReader reader = new ElfChannelReader();
 * try (FileChannel channel = FileChannel.open(Path.of("virtio_blk.ko"))) {
 *   ElfFile elf = reader.read("virtio_blk.ko", channel, channel.size());
 *   ByteBuffer modinfo = elf.bytes(elf.section(".modinfo").orElseThrow());
 * }
 * }</pre>
 */
public final class ElfChannelReader {
  private static final int FIRST_READ = 64;
  /**
   * A file this small is read whole, in one call: for the 2,847 modules of up to 64 KiB of the
   * 6.1 generic kernel (80 MB of its 397), one read costs less than the six or seven reads of
   * their regions.
   */
  static final int WHOLE_READ = 64 << 10;

  private byte[] buffer = new byte[0];

  /**
   * Opens the ELF file of {@code size} bytes that {@code channel} holds from position 0.
   *
   * @param name locates errors
   * @throws org.kslim.MalformedInputException when the file is not well-formed ELF
   * @throws UncheckedIOException (from this call or a later read of the file) when the channel cannot be read,
   *     or holds fewer bytes than {@code size}
   */
  public ElfFile read(String name, FileChannel channel, long size) {
    if (size < 0 || size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("size must be 0.." + (Integer.MAX_VALUE - 8) + ": " + size);
    }
    if (buffer.length < size) {
      buffer = new byte[(int) Math.max(size, Math.min(Integer.MAX_VALUE - 8, 2L * buffer.length))];
    }
    ChannelRegions regions = new ChannelRegions(channel, buffer);
    try {
      regions.load(0, size <= WHOLE_READ ? size : FIRST_READ);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read: " + e.getMessage(), e);
    }
    return ElfFile.parse(name, ByteBuffer.wrap(buffer, 0, (int) size), regions);
  }

  /** The regions of one file read so far, each read once. */
  private static final class ChannelRegions implements ElfRegions {
    private final FileChannel channel;
    private final byte[] buffer;
    /** Start and end of each region read, in pairs; a plain array, as a reader asks hundreds of thousands of times. */
    private long[] loaded = new long[16];
    private int ends;

    ChannelRegions(FileChannel channel, byte[] buffer) {
      this.channel = channel;
      this.buffer = buffer;
    }

    @Override
    public void load(long offset, long length) throws IOException {
      for (int i = 0; i < ends; i += 2) {
        if (offset >= loaded[i] && offset + length <= loaded[i + 1]) {
          return;
        }
      }
      // the buffer holds the file at its own offsets: each byte goes where it is in the file
      ByteBuffer target = ByteBuffer.wrap(buffer, (int) offset, (int) length);
      while (target.hasRemaining()) {
        if (channel.read(target, target.position()) < 0) {
          throw new EOFException("the file ended at offset " + target.position() + ", before the " + (offset + length)
              + " bytes it had when it was opened");
        }
      }
      if (ends == loaded.length) {
        loaded = Arrays.copyOf(loaded, 2 * ends);
      }
      loaded[ends++] = offset;
      loaded[ends++] = offset + length;
    }
  }
}

package org.kslim.source;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a range of a file with positional reads, for readers that check the range against the
 * file size (through their own format's verify helper) before they ask.
 *
 * <pre>{@code
 * byte[] lead = ChannelBytes.read(channel, 0, 96);
 * }</pre>
 */
public final class ChannelBytes {
  private ChannelBytes() {}

  /**
   * The {@code length} bytes at {@code offset}.
   *
   * @throws EOFException when the file ends first (it shrank after the caller's check)
   */
  public static byte[] read(FileChannel channel, long offset, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, offset + buffer.position()) < 0) {
        throw new EOFException("file ends at offset " + (offset + buffer.position()) + ", " + length + " bytes wanted at " + offset);
      }
    }
    return buffer.array();
  }
}

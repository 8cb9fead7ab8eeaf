package org.kslim.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.tukaani.xz.SeekableInputStream;

/**
 * A seekable view of {@code length} bytes of a file starting at {@code offset}, read with
 * positional reads so several views may share one channel across threads. Closing a view leaves
 * the channel open.
 */
final class FileRegionInput extends SeekableInputStream {
  private final FileChannel channel;
  private final long offset;
  private final long length;
  private long position;

  FileRegionInput(FileChannel channel, long offset, long length) {
    this.channel = channel;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int wanted = (int) Math.min(len, length - position);
    int n = channel.read(ByteBuffer.wrap(buffer, off, wanted), offset + position);
    if (n < 0) {
      return -1;
    }
    position += n;
    return n;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void seek(long pos) throws IOException {
    if (pos < 0) {
      throw new IOException("negative seek position: " + pos);
    }
    position = pos;
  }

  @Override
  public void close() {
    // The channel belongs to whoever opened the region.
  }
}

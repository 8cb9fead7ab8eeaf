package org.kslim.kmod;

import java.io.InputStream;
import java.nio.ByteBuffer;

/** The remaining bytes of a buffer as a stream, read without copying the buffer first; the buffer itself is not moved. */
final class BufferInput extends InputStream {
  private final ByteBuffer buffer;

  BufferInput(ByteBuffer buffer) {
    this.buffer = buffer.duplicate();
  }

  @Override
  public int read() {
    return buffer.hasRemaining() ? buffer.get() & 0xFF : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (!buffer.hasRemaining()) {
      return -1;
    }
    int n = Math.min(length, buffer.remaining());
    buffer.get(target, offset, n);
    return n;
  }

  @Override
  public int available() {
    return buffer.remaining();
  }
}

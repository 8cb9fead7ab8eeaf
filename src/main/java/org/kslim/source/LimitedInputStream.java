package org.kslim.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.kslim.BadInputException;

/**
 * Passes bytes through until more than a limit have been read, then fails: the guard against
 * decompression bombs and entries larger than they claim.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private final String what;
  private long count;

  LimitedInputStream(InputStream in, long limit, String what) {
    super(in);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    this.limit = limit;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      add(skipped);
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void add(long n) {
    count += n;
    if (count > limit) {
      throw new BadInputException(what + " data decompresses to more than " + limit + " bytes (limit)");
    }
  }
}

package org.kslim.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.kslim.MalformedInputException;

/**
 * Turns every read error of the stream beneath (truncation, corrupt compressed data) into a
 * {@link MalformedInputException} naming the format, the offset reached and where the data lies,
 * telling input errors apart from the I/O errors of whoever reads.
 */
class ReadErrorInputStream extends FilterInputStream {
  private final String format;
  private final String where;
  private long offset;

  /**
   * @param in the stream whose errors mean malformed input
   * @param format the format named in errors ({@code tar}, {@code XZ}...)
   * @param where the file (and entry) named in errors
   */
  ReadErrorInputStream(InputStream in, String format, String where) {
    super(in);
    this.format = format;
    this.where = where;
  }

  /** {@code e}, a read error at {@code offset}, as the malformed input it means. */
  static MalformedInputException readError(String format, long offset, String where, IOException e) {
    MalformedInputException malformed = new MalformedInputException(format, offset, String.valueOf(e.getMessage()));
    malformed.addSuppressed(e);
    return malformed.in(where);
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      offset += b < 0 ? 0 : 1;
      return b;
    } catch (IOException e) {
      throw readError(format, offset, where, e);
    }
  }

  @Override
  public int read(byte[] buffer, int off, int len) throws IOException {
    try {
      int n = super.read(buffer, off, len);
      offset += Math.max(n, 0);
      return n;
    } catch (IOException e) {
      throw readError(format, offset, where, e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      long skipped = super.skip(n);
      offset += skipped;
      return skipped;
    } catch (IOException e) {
      throw readError(format, offset, where, e);
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}

package org.kslim.source.deb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.kslim.InputLimit;
import org.kslim.MalformedInputException;
import org.kslim.source.EntryContent;

/**
 * Reads a tar archive entry by entry, its read errors located in the package, and refuses an
 * archive that stops without an end-of-archive block: a tar cut at a record boundary would
 * otherwise look complete.
 */
final class TarReader {
  /**
   * The largest tar metadata entry (a GNU long name or link, a pax header), which the tar
   * library reads into memory whole: {@code kslim.limit.tar-header-size}, 1 MiB by default.
   */
  static final InputLimit TAR_HEADER_SIZE = new InputLimit("tar-header-size", 1L << 20);
  private static final String FORMAT = "tar";
  private static final int RECORD = 512;

  private final ZeroTail tail;
  private final TarArchiveInputStream tar;
  private final String where;

  /**
   * @param in the decompressed tar
   * @param where the file (and member) named in errors
   */
  TarReader(InputStream in, String where) {
    this.tail = new ZeroTail(in);
    this.tar = new MetadataLimit(tail, TAR_HEADER_SIZE.value());
    this.where = where;
  }

  /** The next entry, or null after the end-of-archive block. */
  TarArchiveEntry next() {
    TarArchiveEntry entry;
    try {
      entry = tar.getNextEntry();
    } catch (IOException e) {
      throw EntryContent.readError(FORMAT, tar.getBytesRead(), where, e);
    } catch (MalformedInputException e) {
      throw e.source() == null ? e.in(where) : e;
    }
    if (entry == null && tail.zeros < RECORD) {
      throw new MalformedInputException(FORMAT, tar.getBytesRead(), "archive ends without an end-of-archive block (truncated)").in(where);
    }
    return entry;
  }

  /** The current entry's content, for a visitor. */
  InputStream content(String path) {
    return new EntryContent(tar, FORMAT, where + "!" + path);
  }

  /**
   * A tar stream that refuses a metadata entry (long name, long link, pax header) declaring more
   * than {@code limit} bytes before the library reads any of it into memory.
   */
  private static final class MetadataLimit extends TarArchiveInputStream {
    private final long limit;

    MetadataLimit(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      TarArchiveEntry entry = getCurrentEntry();
      if (entry != null && isMetadata(entry)) {
        MalformedInputException.verify(entry.getSize() <= limit, FORMAT, getBytesRead(), () -> "metadata entry (long name or pax header) of "
            + entry.getSize() + " bytes exceeds the limit of " + limit + " bytes");
      }
      return super.read(buffer, off, len);
    }

    private static boolean isMetadata(TarArchiveEntry entry) {
      return entry.isGNULongNameEntry() || entry.isGNULongLinkEntry() || entry.isPaxHeader() || entry.isGlobalPaxHeader();
    }
  }

  /** Counts the zero bytes that end what has been read so far. */
  private static final class ZeroTail extends FilterInputStream {
    private static final int SKIP_BUFFER = 8192;
    private long zeros;

    ZeroTail(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        zeros = b == 0 ? zeros + 1 : 0;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      int end = off + Math.max(n, 0);
      int i = end;
      while (i > off && buffer[i - 1] == 0) {
        i--;
      }
      zeros = i == off ? zeros + (end - off) : end - i;
      return n;
    }

    /** Reads what is skipped, so the zeros are counted exactly (the data is decompressed anyway). */
    @Override
    public long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(n, SKIP_BUFFER)];
      long skipped = 0;
      while (skipped < n) {
        int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }
  }
}

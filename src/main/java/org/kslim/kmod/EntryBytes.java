package org.kslim.kmod;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.kslim.BadInputException;
import org.kslim.source.FileContent;

/** Reads a package entry's content into memory, refusing content past a limit. */
final class EntryBytes {
  private EntryBytes() {}

  /** At most {@code limit} bytes of {@code content}; more fails, naming {@code location}. */
  static byte[] read(InputStream content, String location, long limit) throws IOException {
    byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    checkLimit(bytes.length, location, limit);
    return bytes;
  }

  /**
   * As {@link #read}, mapped where the content is a whole file on disk, so only the pages used
   * are ever read, else read into one array of the {@code expected} size the entry declares.
   */
  static ByteBuffer buffer(InputStream content, String location, long limit, long expected) throws IOException {
    if (content instanceof FileContent file) {
      checkLimit(file.size(), location, limit);
      return file.map();
    }
    if (expected <= 0 || expected > limit) {
      return ByteBuffer.wrap(read(content, location, limit));
    }
    byte[] bytes = new byte[(int) expected];
    int n = content.readNBytes(bytes, 0, bytes.length);
    if (n < bytes.length) {
      return ByteBuffer.wrap(bytes, 0, n).slice();
    }
    byte[] rest = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1 - expected));
    if (rest.length == 0) {
      return ByteBuffer.wrap(bytes);
    }
    checkLimit(expected + rest.length, location, limit);
    byte[] all = Arrays.copyOf(bytes, bytes.length + rest.length);
    System.arraycopy(rest, 0, all, bytes.length, rest.length);
    return ByteBuffer.wrap(all);
  }

  /** Refuses a module (or module list file) of {@code size} bytes past {@code limit}, naming {@code location}. */
  static void checkLimit(long size, String location, long limit) {
    if (size > limit) {
      throw new BadInputException(location + ": larger than the limit of " + limit + " bytes");
    }
  }
}

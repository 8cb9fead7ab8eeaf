package org.kslim.kmod;

import java.io.IOException;
import java.io.InputStream;
import org.kslim.BadInputException;

/** Reads a package entry's content into memory, refusing content past a limit. */
final class EntryBytes {
  private EntryBytes() {}

  /** At most {@code limit} bytes of {@code content}; more fails, naming {@code location}. */
  static byte[] read(InputStream content, String location, long limit) throws IOException {
    byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (bytes.length > limit) {
      throw new BadInputException(location + ": larger than the limit of " + limit + " bytes");
    }
    return bytes;
  }
}

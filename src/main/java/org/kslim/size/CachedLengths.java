package org.kslim.size;

import java.io.IOException;
import java.util.List;

/**
 * A compressor that measures a payload without writing it, taking the parts it compressed before
 * (independent blocks) from a {@link SizeCache}.
 */
interface CachedLengths {
  /** The uncompressed and compressed length of the payload {@code writer} makes of {@code files}. */
  long[] lengths(PayloadWriter writer, List<FileContent> files, SizeCache cache) throws IOException;
}

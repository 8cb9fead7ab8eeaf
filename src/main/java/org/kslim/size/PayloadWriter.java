package org.kslim.size;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes a package's uncompressed payload archive for a file set. */
interface PayloadWriter {
  void write(List<FileContent> files, OutputStream out) throws IOException;
}

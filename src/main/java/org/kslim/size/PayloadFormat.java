package org.kslim.size;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The archive a package carries its files in, written byte for byte as the real packaging tool
 * writes it, so that the compressed payload size is the real one.
 *
 * <pre>{@code
 * PayloadFormat format = PayloadFormat.DEB;              // data.tar as dpkg-deb -b writes it
 * PayloadCompression c = format.defaultCompression();    // xz -6
 * }</pre>
 */
public enum PayloadFormat {
  /**
   * A deb's {@code data.tar}: GNU tar format, names {@code ./path}, every parent directory
   * included, entries in dpkg-deb's tree-walk order (each directory before its children, names
   * compared bytewise, symlinks moved to the end), padded to 10240-byte records.
   */
  DEB(PayloadCompression.DEB_DEFAULT),
  /**
   * An rpm's payload: a cpio {@code newc} stream as rpmbuild writes it, names {@code ./path}
   * sorted bytewise, only the listed entries, ending with the {@code TRAILER!!!} entry.
   */
  RPM(PayloadCompression.RPM_DEFAULT);

  private final PayloadCompression defaultCompression;

  PayloadFormat(PayloadCompression defaultCompression) {
    this.defaultCompression = defaultCompression;
  }

  /** The compression the format's packaging tool uses unless told otherwise. */
  public PayloadCompression defaultCompression() {
    return defaultCompression;
  }

  /**
   * Writes the uncompressed payload archive holding {@code files} to {@code out}, byte for byte
   * as the format's packaging tool writes it.
   */
  public void write(List<FileContent> files, OutputStream out) throws IOException {
    writer().write(files, out);
  }

  PayloadWriter writer() {
    return this == DEB ? new DebPayloadWriter() : new RpmPayloadWriter();
  }
}

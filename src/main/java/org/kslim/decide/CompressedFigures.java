package org.kslim.decide;

import org.kslim.size.FileSizes;
import org.kslim.size.Measure;
import org.kslim.size.PackageSizes;

/**
 * Estimates of compressed payload shares. A file's figure is its size compressed alone (its
 * installed size when that was not measured); a package's ratio is its real compressed payload
 * over the sum of its files' figures, so that figure times ratio is the file's estimated share.
 */
final class CompressedFigures {
  private CompressedFigures() {}

  static long figure(FileSizes file) {
    return file.compressedAlone().orElse(file.installed());
  }

  /** The package's compressed payload per byte of its files' figures; 1 for an empty package. */
  static double ratio(PackageSizes pkg) {
    long sum = pkg.files().stream().mapToLong(CompressedFigures::figure).sum();
    return sum == 0 ? 1.0 : (double) pkg.get(Measure.COMPRESSED) / sum;
  }

  /** What one archive entry's header (512 bytes in tar, about 120 in cpio) may add compressed. */
  static final long ENTRY_HEADER = 128;

  /**
   * How far {@code ratio * figures} for {@code entries} archive entries may be from the real change: between a
   * share as good as the package's average and none of the gain compressing together brings, plus
   * the archive header of each file and of each folder the move may empty or create.
   */
  static long bound(long figures, double ratio, long entries) {
    return Math.round(figures * Math.abs(1 - ratio)) + entries * ENTRY_HEADER;
  }
}

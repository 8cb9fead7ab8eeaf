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

  /**
   * How far {@code ratio * figures} may be from the real change: between a share as good as the
   * package's average and none of the gain compressing together brings.
   */
  static long bound(long figures, double ratio) {
    return Math.round(figures * Math.abs(1 - ratio));
  }
}

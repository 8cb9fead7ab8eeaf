package org.kslim.decide;

import org.kslim.size.FileSizes;
import org.kslim.size.Measure;
import org.kslim.size.PackageSizes;

/**
 * Estimates of compressed payload shares. A file's figure is what it added to its package's
 * payload compressed in payload order ({@link FileSizes#compressedShare()}; its installed size
 * when that was not measured); a package's ratio is its real compressed payload over the sum of
 * its files' figures (close to 1 with measured shares: archive headers and block boundaries make
 * the difference), so that figure times ratio is the file's estimated share.
 */
final class CompressedFigures {
  private CompressedFigures() {}

  static long figure(FileSizes file) {
    return file.compressedShare().orElse(file.installed());
  }

  /** The package's compressed payload per byte of its files' figures; 1 for an empty package. */
  static double ratio(PackageSizes pkg) {
    long sum = pkg.files().stream().mapToLong(CompressedFigures::figure).sum();
    return sum == 0 ? 1.0 : (double) pkg.get(Measure.COMPRESSED) / sum;
  }

  /** What one archive entry's header (512 bytes in tar, about 120 in cpio) may add compressed. */
  static final long ENTRY_HEADER = 128;

  /**
   * The least relative error a bound allows: the files after the moved ones lose them from their
   * dictionary, which no figure measured before the move shows. On Debian's generic kernel the
   * estimates of the four largest folders of Fedora's core were off by 0.4% to 4.5% (the most for
   * drivers/hwmon, 117 small similar drivers; see DecideRealTest).
   */
  static final double SPREAD = 0.05;

  /**
   * How far {@code ratio * figures} for {@code entries} archive entries may be from the real
   * change: the ratio's distance from 1 or {@link #SPREAD}, whichever is larger, of the figures,
   * plus the archive header of each file and of each folder the move may empty or create.
   */
  static long bound(long figures, double ratio, long entries) {
    return Math.round(figures * Math.max(Math.abs(1 - ratio), SPREAD)) + entries * ENTRY_HEADER;
  }
}

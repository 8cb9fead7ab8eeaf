package org.kslim.size;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** The orders packaging tools put entries in; names are compared as bytes, like strcmp. */
final class PathOrder {
  /** rpmbuild's: whole paths compared bytewise. */
  static final Comparator<String> BYTEWISE = (a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b));

  /**
   * dpkg-deb's tree walk: each directory before its children, siblings compared bytewise; the
   * same as comparing the lists of path segments, a shorter prefix first.
   */
  static final Comparator<String> TREE_WALK = (a, b) -> {
    String[] x = a.isEmpty() ? new String[0] : a.split("/");
    String[] y = b.isEmpty() ? new String[0] : b.split("/");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = BYTEWISE.compare(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  };

  private PathOrder() {}

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

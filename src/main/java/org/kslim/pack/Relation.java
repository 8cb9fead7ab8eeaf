package org.kslim.pack;

import java.util.Objects;

/**
 * A dependency on another package, at an exact, lower or not higher version-release.
 *
 * @param name the package named
 * @param operator how its version compares
 * @param version version-release compared with
 */
record Relation(String name, Operator operator, String version) {
  /** The comparisons kslim writes, with rpm's sense flags and Debian's operators. */
  enum Operator {
    EQUAL(8, "="),
    LESS(2, "<<"),
    LESS_EQUAL(10, "<=");

    private final int rpmFlags;
    private final String deb;

    Operator(int rpmFlags, String deb) {
      this.rpmFlags = rpmFlags;
      this.deb = deb;
    }

    int rpmFlags() {
      return rpmFlags;
    }

    String deb() {
      return deb;
    }
  }

  Relation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(version, "version");
  }

  /** As a Debian control field spells it: {@code name (= 6.1.192-2)}. */
  String debian() {
    return name + " (" + operator.deb() + " " + version + ")";
  }
}

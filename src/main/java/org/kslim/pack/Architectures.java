package org.kslim.pack;

import java.util.List;

/**
 * Architecture names as Debian and rpm spell them, and rpm's legacy lead number of each:
 * {@code amd64} is {@code x86_64}, {@code arm64} {@code aarch64}, {@code i386} {@code i686},
 * {@code ppc64el} {@code ppc64le}, {@code all} {@code noarch}; {@code s390x} and {@code riscv64}
 * are spelled alike. A name not in the table is kept as it is.
 */
final class Architectures {
  private record Arch(String deb, String rpm, int leadNumber) {}

  private static final List<Arch> TABLE = List.of(
      new Arch("amd64", "x86_64", 1),
      new Arch("arm64", "aarch64", 19),
      new Arch("i386", "i686", 1),
      new Arch("ppc64el", "ppc64le", 16),
      new Arch("s390x", "s390x", 15),
      new Arch("riscv64", "riscv64", 22),
      new Arch("all", "noarch", 0));

  private Architectures() {}

  /** {@code name} (either spelling) as rpm spells it. */
  static String rpm(String name) {
    return TABLE.stream().filter(a -> a.deb().equals(name) || a.rpm().equals(name)).map(Arch::rpm).findFirst().orElse(name);
  }

  /** {@code name} (either spelling) as Debian spells it. */
  static String deb(String name) {
    return TABLE.stream().filter(a -> a.deb().equals(name) || a.rpm().equals(name)).map(Arch::deb).findFirst().orElse(name);
  }

  /** The architecture number of an rpm lead (informative only; 0 when unknown). */
  static int leadNumber(String rpmName) {
    return TABLE.stream().filter(a -> a.rpm().equals(rpmName)).mapToInt(Arch::leadNumber).findFirst().orElse(0);
  }
}

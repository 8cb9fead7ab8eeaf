package org.kslim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AliasPatternTest {
  private static boolean matches(String pattern, String modalias) {
    return new AliasPattern(pattern).matches(modalias);
  }

  @Test
  void starMatchesAnyRunIncludingNoneAndSlashes() {
    assertThat(matches("virtio:d00000001v*", "virtio:d00000001v00001AF4")).isTrue();
    assertThat(matches("virtio:d00000001v*", "virtio:d00000001v")).isTrue();
    assertThat(matches("virtio:d00000001v*", "virtio:d00000002v00001AF4")).isFalse();
    assertThat(matches("pci:v*d*sv*sd*bc01sc08i02*", "pci:v00001D0Fd00008061sv00001D0Fsd00008061bc01sc08i02")).isTrue();
    assertThat(matches("pci:v*d*sv*sd*bc01sc08i02*", "pci:v00001D0Fd00008061sv00001D0Fsd00008061bc01sc08i01")).isFalse();
    assertThat(matches("dmi:*:svnVMware*:*", "dmi:bvnX:bd01/12/2021:svnVMware,Inc.:pnVMware7,1:")).isTrue();
    assertThat(matches("a*b*c", "abxbxc")).isTrue();
    assertThat(matches("a*b*c", "abxbxcd")).isFalse();
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    assertThat(matches("scsi:t-0x0?", "scsi:t-0x05")).isTrue();
    assertThat(matches("scsi:t-0x0?", "scsi:t-0x0")).isFalse();
    assertThat(matches("scsi:t-0x0?", "scsi:t-0x051")).isFalse();
  }

  @Test
  void bracketsMatchSetsRangesAndNegations() {
    assertThat(matches("usb:v*p*d*dc*dsc*dp*ic03isc0[01]ip*", "usb:v0001p0002d0100dc00dsc00dp00ic03isc01ip02")).isTrue();
    assertThat(matches("usb:v*p*d*dc*dsc*dp*ic03isc0[01]ip*", "usb:v0001p0002d0100dc00dsc00dp00ic03isc02ip02")).isFalse();
    assertThat(matches("x[0-9A-F]", "xB")).isTrue();
    assertThat(matches("x[0-9A-F]", "xb")).isFalse();
    assertThat(matches("x[!0-9]", "xa")).isTrue();
    assertThat(matches("x[^0-9]", "x5")).isFalse();
    assertThat(matches("x[]a]", "x]")).isTrue();
  }

  @Test
  void anUnclosedBracketAndAnEscapeAreLiteral() {
    assertThat(matches("x[ab", "x[ab")).isTrue();
    assertThat(matches("x[ab", "xa")).isFalse();
    assertThat(matches("a\\*b", "a*b")).isTrue();
    assertThat(matches("a\\*b", "axb")).isFalse();
  }

  @Test
  void dashesAndUnderscoresAreAlikeOutsideBrackets() {
    assertThat(matches("platform:xen-foo", "platform:xen_foo")).isTrue();
    assertThat(matches("x[a-c]", "xb")).isTrue();
    assertThat(AliasPattern.normalize("a-b[c-d]e-f")).isEqualTo("a_b[c-d]e_f");
  }

  @Test
  void manyStarsAgainstALongNearMissEndQuickly() {
    String pattern = "*a*a*a*a*a*a*a*a*a*a*b";
    String text = "a".repeat(20_000);
    long start = System.nanoTime();
    assertThat(matches(pattern, text)).isFalse();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }
}

package org.kslim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kslim.BadInputException;

class EntryGuardTest {
  private final EntryGuard guard = new EntryGuard("pkg.deb", SourceLimits.DEFAULTS.withMaxEntryCount(3));

  @Test
  void normalisesLeadingDotSlashAndTrailingSlash() {
    assertThat(guard.admit("./lib/modules/6.1.0/")).isEqualTo("lib/modules/6.1.0");
    assertThat(guard.admit("usr/lib/modules")).isEqualTo("usr/lib/modules");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "./", "././"})
  void theRootIsNoEntry(String root) {
    assertThat(guard.admit(root)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"./../etc/passwd", "/etc/passwd", "lib//x", "lib/./x", "lib/modules/.."})
  void refusesPathsThatEscape(String raw) {
    assertThatThrownBy(() -> guard.admit(raw))
        .isInstanceOf(BadInputException.class)
        .hasMessage("pkg.deb!" + raw + ": path escapes the package root");
  }

  @Test
  void refusesDuplicates() {
    guard.admit("./lib");
    assertThatThrownBy(() -> guard.admit("lib/"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("pkg.deb!lib: duplicate path");
  }

  @Test
  void refusesEntriesLargerThanTheLimit() {
    EntryGuard small = new EntryGuard("pkg.rpm", SourceLimits.DEFAULTS.withMaxEntrySize(100));
    small.checkSize("a.ko", 100);

    assertThatThrownBy(() -> small.checkSize("b.ko", 101))
        .isInstanceOf(BadInputException.class)
        .hasMessage("pkg.rpm!b.ko: entry of 101 bytes exceeds the limit of 100 bytes");
  }

  @Test
  void refusesMoreEntriesThanTheLimit() {
    guard.admit("a");
    guard.admit("b");
    guard.admit("c");
    assertThatThrownBy(() -> guard.admit("d"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("pkg.deb: more than 3 entries (limit)");
  }
}

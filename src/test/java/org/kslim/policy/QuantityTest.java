package org.kslim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kslim.size.Measure;

class QuantityTest {
  @Test
  void readsSizesInTheMeasuresUnit() {
    assertThat(Quantity.parse("60MiB", Measure.INSTALLED)).isEqualTo(60L << 20);
    assertThat(Quantity.parse("20MB", Measure.COMPRESSED)).isEqualTo(20_000_000L);
    assertThat(Quantity.parse("512KiB", Measure.DISK)).isEqualTo(512L * 1024);
    assertThat(Quantity.parse("1GB", Measure.INSTALLED)).isEqualTo(1_000_000_000L);
    assertThat(Quantity.parse("1.5GiB", Measure.INSTALLED)).isEqualTo(3L << 29);
    assertThat(Quantity.parse("4096", Measure.INSTALLED)).isEqualTo(4096L);
    assertThat(Quantity.parse("61440", Measure.INSTALLED_KIB)).isEqualTo(61440L);
    assertThat(Quantity.parse("60MiB", Measure.INSTALLED_KIB)).isEqualTo(61440L);
    assertThat(Quantity.parse("900", Measure.FILES)).isEqualTo(900L);
  }

  @Test
  void rejectsMalformedSizes() {
    assertThatThrownBy(() -> Quantity.parse("sixty", Measure.INSTALLED)).hasMessageStartingWith("malformed size 'sixty'");
    assertThatThrownBy(() -> Quantity.parse("-1", Measure.INSTALLED)).hasMessageStartingWith("malformed size '-1'");
    assertThatThrownBy(() -> Quantity.parse("1.5", Measure.INSTALLED)).hasMessageContaining("not a whole number of bytes");
    assertThatThrownBy(() -> Quantity.parse("20MB", Measure.INSTALLED_KIB)).hasMessageContaining("not a whole number of KiB");
    assertThatThrownBy(() -> Quantity.parse("1KiB", Measure.FILES)).hasMessageContaining("is a count");
    assertThatThrownBy(() -> Quantity.parse("99999999999TiB", Measure.INSTALLED)).hasMessageContaining("not a whole number");
  }
}

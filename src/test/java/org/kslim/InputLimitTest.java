package org.kslim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kslim.testing.LimitProperties;

class InputLimitTest {
  private static final InputLimit LIMIT = new InputLimit("test-size", 4096);

  @Test
  void isTheDefaultWithoutItsProperty() {
    assertThat(LIMIT.property()).isEqualTo("kslim.limit.test-size");
    assertThat(LIMIT.value()).isEqualTo(4096);
  }

  @ParameterizedTest
  @CsvSource({"1048576, 1048576", "512K, 524288", "512KiB, 524288", "3m, 3145728", "8G, 8589934592", "2T, 2199023255552", "' 7 ', 7"})
  void readsItsPropertyWithBinarySuffixes(String text, long bytes) throws Exception {
    LimitProperties.with(LIMIT, text, () -> assertThat(LIMIT.value()).isEqualTo(bytes));
  }

  @ParameterizedTest
  @CsvSource({"0", "-1", "lots", "8X", "K", "99999999999999999999"})
  void refusesWhatIsNotAPositiveSize(String text) throws Exception {
    LimitProperties.with(LIMIT, text, () -> assertThatThrownBy(LIMIT::value)
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("kslim.limit.test-size must be a ")
        .hasMessageContaining(text));
  }

  @Test
  void refusesAnIntLimitPastTheLargestArray() throws Exception {
    LimitProperties.with(LIMIT, "4G", () -> assertThatThrownBy(LIMIT::intValue)
        .isInstanceOf(UsageException.class)
        .hasMessage("kslim.limit.test-size must be at most 2147483639: 4294967296"));
  }

  @Test
  void refusesABadNameOrDefault() {
    assertThatThrownBy(() -> new InputLimit("Size", 1)).hasMessage("name must be lower-case words joined by '-': Size");
    assertThatThrownBy(() -> new InputLimit("size", 0)).hasMessage("defaultValue must be positive: 0");
  }
}

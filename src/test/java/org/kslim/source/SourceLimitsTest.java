package org.kslim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kslim.testing.LimitProperties;

class SourceLimitsTest {
  @Test
  void defaultsFollowRpmAndKernelSizes() {
    assertThat(SourceLimits.DEFAULTS.maxHeaderSize()).isEqualTo(0x0FFF_FFFFL + 1);
    assertThat(SourceLimits.DEFAULTS.maxPayloadSize()).isEqualTo(8L << 30);
    assertThat(SourceLimits.DEFAULTS.withMaxEntryCount(10).maxEntryCount()).isEqualTo(10);
  }

  @Test
  void refusesALimitThatIsNotPositive() {
    assertThatThrownBy(() -> SourceLimits.DEFAULTS.withMaxEntrySize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEntrySize must be positive: 0");
  }

  @Test
  void configuredLimitsTakeTheirSystemProperties() throws Exception {
    assertThat(SourceLimits.configured()).isEqualTo(SourceLimits.DEFAULTS);
    LimitProperties.with(SourceLimits.PAYLOAD_SIZE, "16G", () -> LimitProperties.with(SourceLimits.ENTRY_COUNT, "10", () ->
        assertThat(SourceLimits.configured()).isEqualTo(SourceLimits.DEFAULTS.withMaxPayloadSize(16L << 30).withMaxEntryCount(10))));
  }
}

package org.kslim.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.kslim.testing.FuzzContract;

/**
 * Fuzz target for the policy parser (YAML, kslim's format and Fedora's). It replays its corpus
 * under {@code src/test/resources} in every test run; {@code JAZZER_FUZZ=1} fuzzes it
 * (docs/robustness.md).
 */
class PolicyFuzzTest {
  @FuzzTest(maxDuration = "10m")
  @Timeout(value = FuzzContract.SECONDS_PER_INPUT, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void parse(byte[] input) {
    FuzzContract.parsesOrRefuses(() -> {
      Policy policy = PolicyReader.read(new String(input, StandardCharsets.UTF_8), "fuzz.yaml");
      assertThat(policy.source()).isEqualTo("fuzz.yaml");
    });
  }
}

package org.kslim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.BadInputException;
import org.kslim.testing.LimitProperties;

/** The policy reader refuses a policy too large, too deep or built of aliases before it builds anything of it. */
class PolicyLimitsTest {
  private static final String POLICY = "kslim: 1\npackages:\n  - name: core\nrules:\n  - default: core\n    reason: all\n";

  @TempDir Path dir;

  @Test
  void refusesAPolicyFileLargerThanTheLimitBeforeReadingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), POLICY);
    assertThat(PolicyReader.read(file).packages()).hasSize(1);

    LimitProperties.with(PolicyReader.POLICY_SIZE, "32", () -> assertThatThrownBy(() -> PolicyReader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + ": a policy of " + POLICY.length() + " bytes exceeds the limit of 32 bytes"));
  }

  @Test
  void readsAPolicyLargerThanSnakeYamlsOwnDefaultWhenTheLimitAllows() {
    String padded = POLICY + ("# " + "x".repeat(98) + "\n").repeat(32 * 1024);
    assertThat(padded.length()).isGreaterThan(3 << 20);

    assertThat(PolicyReader.read(padded, "big.yaml").rules()).hasSize(1);
    assertThatThrownBy(() -> PolicyReader.read(padded + padded, "huge.yaml"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("huge.yaml: a policy of " + 2 * padded.length() + " characters exceeds the limit of " + (4 << 20));
  }

  @Test
  void refusesNestingDeeperThanTheYamlReaderAllows() {
    String deep = "packages: " + "[".repeat(5000) + "]".repeat(5000) + "\n";

    assertThatThrownBy(() -> PolicyReader.read(deep, "deep.yaml"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("deep.yaml:1: not valid YAML: ");
  }

  @Test
  void refusesAliasesAsValues() {
    StringBuilder bomb = new StringBuilder("kslim: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }

    assertThatThrownBy(() -> PolicyReader.read(bomb + POLICY.substring("kslim: 1\n".length()), "bomb.yaml"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("bomb.yaml:");
  }
}

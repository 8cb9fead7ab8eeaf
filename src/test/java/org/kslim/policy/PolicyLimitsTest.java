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
    String deep = "packages: " + "[".repeat(1001) + "]".repeat(1001) + "\n";

    assertThatThrownBy(() -> PolicyReader.read(deep, "deep.yaml"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("deep.yaml:1: not valid YAML: Document nesting depth (1001) exceeds the maximum allowed (1000, from "
            + "`StreamReadConstraints.getMaxNestingDepth()`)");
  }

  @Test
  void refusesAliasesInsteadOfReadingTheirNames() {
    String aliased = POLICY + "require:\n  - module: virtio_blk\n    package: core\n    reason: *r\n";

    assertThatThrownBy(() -> PolicyReader.read(aliased.replace("reason: all", "reason: &r all"), "alias.yaml"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("alias.yaml:10: YAML aliases are not supported: *r");
  }
}

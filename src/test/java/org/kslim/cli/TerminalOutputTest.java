package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.SplitAnalyzerFixtures;

/** kslim in its own process: under a pseudo-terminal ({@code script} from util-linux) and under a pipe. */
class TerminalOutputTest {
  @TempDir Path dir;
  private List<String> command;

  @BeforeEach
  void fixture() throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, "1MiB");
    command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "check", tree.toString(), "--policy", policy.toString(), "--no-cache");
  }

  @Test
  void terminalShowsABarRedrawnInPlaceAndColour() throws Exception {
    String screen = underScript(List.of("TERM=xterm"));
    assertThat(screen).contains("\rreading tree ").contains("\rcompressing [############] 2/2 done, ")
        .contains("\u001b[32mpass\u001b[0m").contains("\u001b[32mPASS\u001b[0m");
  }

  @Test
  void noColorKeepsTheBarButDropsTheColour() throws Exception {
    String screen = underScript(List.of("TERM=xterm", "NO_COLOR=1"));
    assertThat(screen).contains("\rcompressing [############] 2/2 done, ").doesNotContain("\u001b[");
  }

  @Test
  void pipeGetsNoBarAndNoColour() throws Exception {
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    assertThat(out).endsWith("PASS\n").doesNotContain("\u001b[");
    assertThat(err).doesNotContain("\r").doesNotContain("[####");
    assertThat(err.lines()).allMatch(l -> l.matches("(reading|measuring|compressing).*: .* done, .*/s"));
  }

  /** What a terminal would show: stdout and stderr of kslim run by {@code script -qec}. */
  private String underScript(List<String> env) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script from util-linux is not installed");
    List<String> quoted = new ArrayList<>(env);
    command.forEach(word -> quoted.add("'" + word.replace("'", "'\\''") + "'"));
    Path typescript = dir.resolve("typescript");
    Process process = new ProcessBuilder("/usr/bin/script", "-qec", "env " + String.join(" ", quoted), typescript.toString())
        .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(screen).isZero();
    return screen;
  }
}

package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void versionPrintsNameAndExitsZero() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("kslim ");
  }

  @Test
  void unknownCommandIsUsageError() {
    CliRun run = CliRun.of("no-such-command");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("kslim: ");
  }

  @Test
  void aRunNamingACommandBuildsThatCommandOnlyAndAnyOtherRunAllOfThem() {
    assertThat(Main.commandsFor("depmod", "tree", "--out", "o")).containsExactly(DepmodCommand.class);
    assertThat(Main.commandsFor("whatif")).containsExactly(WhatIfCommand.class);
    assertThat(Main.commandsFor("help", "depmod")).isEqualTo(Main.COMMANDS);
    assertThat(Main.commandsFor("--help")).isEqualTo(Main.COMMANDS);
    assertThat(Main.commandsFor("depmodd")).isEqualTo(Main.COMMANDS);
    assertThat(Main.commandsFor()).isEqualTo(Main.COMMANDS);
    assertThat(Main.COMMANDS).hasSize(14);
  }

  @Test
  void helpListsEveryCommand() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("  depmod ", "  whatif ", "  boot-test ", "  explain ");
  }
}

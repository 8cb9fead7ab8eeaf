package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void versionPrintsNameAndExitsZero() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run("--version")).isZero();
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("kslim ");
  }

  @Test
  void unknownCommandIsUsageError() {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run("no-such-command")).isEqualTo(2);
    } finally {
      System.setErr(original);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("kslim: ");
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
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run("--help")).isZero();
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("  depmod ", "  whatif ", "  boot-test ", "  explain ");
  }
}

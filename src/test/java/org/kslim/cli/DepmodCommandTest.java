package org.kslim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.testing.ElfBuilder;

class DepmodCommandTest {
  private static final String VERSION = "6.1.0-test";

  @TempDir Path temp;

  @Test
  void writesTheIndexFilesAndReportsProblemsOnStderr() throws IOException {
    Path tree = tree();
    Path symvers = Files.writeString(temp.resolve("Module.symvers"), "0x00000000\tprintk\tvmlinux\tEXPORT_SYMBOL\t\n");

    Result result = run("depmod", tree.toString(), "--out", temp.resolve("out").toString(), "--symvers", symvers.toString());

    assertThat(result.exit()).isZero();
    Path folder = temp.resolve("out").resolve(VERSION);
    assertThat(Files.readString(folder.resolve("modules.dep")))
        .isEqualTo("kernel/ring.ko:\nkernel/blk.ko: kernel/ring.ko\n");
    assertThat(Files.readString(folder.resolve("modules.symbols")))
        .endsWith("alias symbol:vring_new ring\n");
    assertThat(result.err()).isEqualTo("kernel/blk.ko needs unknown symbol missing_fn\n");
  }

  @Test
  void strictTurnsProblemsIntoExitThree() throws IOException {
    Path tree = tree();
    Path symvers = Files.writeString(temp.resolve("Module.symvers"), "0x00000000\tprintk\tvmlinux\tEXPORT_SYMBOL\t\n");

    Result result = run("depmod", tree.toString(), "--out", temp.resolve("out").toString(), "--symvers", symvers.toString(),
        "--strict");

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.err()).contains("needs unknown symbol missing_fn").contains("kslim: 1 problem found (--strict)");
  }

  @Test
  void keepGoingReportsAnUnreadableModuleInsteadOfFailing() throws IOException {
    Path tree = tree();
    Files.write(tree.resolve("lib/modules").resolve(VERSION).resolve("kernel/broken.ko"), new byte[] {0x7f, 'E', 'L', 'F', 2});
    String out = temp.resolve("out").toString();

    Result failing = run("depmod", tree.toString(), "--out", out);
    Result going = run("depmod", tree.toString(), "--out", out, "--keep-going");

    assertThat(failing.exit()).isEqualTo(2);
    assertThat(failing.err()).startsWith("kslim: ").contains("broken.ko");
    assertThat(going.exit()).isZero();
    assertThat(going.err()).contains("broken.ko");
    assertThat(Files.readString(temp.resolve("out").resolve(VERSION).resolve("modules.dep"))).doesNotContain("broken");
  }

  @Test
  void aMissingPackageIsBadInput() {
    Result result = run("depmod", temp.resolve("nothing.deb").toString(), "--out", temp.resolve("out").toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).startsWith("kslim: ").contains("nothing.deb");
  }

  private Path tree() throws IOException {
    Path root = temp.resolve("root");
    Path modules = Files.createDirectories(root.resolve("lib/modules").resolve(VERSION).resolve("kernel"));
    Files.write(modules.resolve("ring.ko"), ElfBuilder.x86_64().modinfo("depends=").export("vring_new", 0L).build());
    Files.write(modules.resolve("blk.ko"), ElfBuilder.x86_64().modinfo("depends=ring", "alias=virtio:d00000002v*")
        .needs("vring_new", 0L).needs("printk", 0L).needs("missing_fn", 0L).build());
    Files.writeString(modules.resolveSibling("modules.order"), "kernel/ring.ko\nkernel/blk.ko\n");
    return root;
  }

  private static Result run(String... args) {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Result(exit, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
  }

  private record Result(int exit, String err) {}
}

package org.kslim.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kslim.testing.ToolRun;

/**
 * A scratch root in which rpm and dpkg install packages with their maintainer scripts running,
 * chrooted as both tools run them: busybox (static) as {@code /bin/sh} and the few commands the
 * scripts call, kmod's {@code depmod} with the libraries it loads, and stand-ins for the
 * boot-loader hooks of the kernel's own scripts ({@code linux-update-symlinks},
 * {@code linux-check-removal}, from Debian's linux-base), which append their arguments to
 * {@link #HOOK_LOG}. Run as root, the package tool is called as it is; as another user, under
 * {@code unshare -r} (a user namespace where the caller is root, so it may chroot).
 *
 * <pre>{@code
 * ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
 * root.run(List.of("dpkg", "--root", root.path().toString(), "--force-not-root", "-i", deb));
 * }</pre>
 */
final class ScratchRoot {
  /** Where the hook stand-ins log their calls, relative to the root. */
  static final String HOOK_LOG = "var/log/kernel-hooks";
  private static final List<String> APPLETS = List.of("sh", "mkdir", "touch", "rm", "rmdir", "run-parts", "cat", "ls");
  private static final List<String> HOOKS = List.of("linux-update-symlinks", "linux-check-removal");
  private static final List<String> PATH = List.of("env", "PATH=/usr/sbin:/usr/bin:/sbin:/bin");

  private final Path path;
  private final Set<String> toolbox;
  private final boolean root;

  private ScratchRoot(Path path, Set<String> toolbox, boolean root) {
    this.path = path;
    this.toolbox = toolbox;
    this.root = root;
  }

  /** Creates the root at {@code path} with its toolbox and an empty dpkg admin dir and rpm database. */
  static ScratchRoot create(Path path) throws IOException {
    Set<String> toolbox = new TreeSet<>();
    Path busybox = Path.of(ToolRun.ok(List.of("sh", "-c", "command -v busybox")).stdout().strip()).toRealPath();
    copyWithLibraries(path, busybox, "usr/bin/busybox", toolbox);
    for (String applet : APPLETS) {
      link(path, "usr/bin/" + applet, "busybox", toolbox);
    }
    link(path, "bin/sh", "../usr/bin/busybox", toolbox);
    Path depmod = Path.of(ToolRun.ok(List.of("sh", "-c", "PATH=$PATH:/usr/sbin:/sbin command -v depmod")).stdout().strip());
    copyWithLibraries(path, depmod.toRealPath(), "usr/sbin/depmod", toolbox);
    for (String hook : HOOKS) {
      Path script = path.resolve("usr/bin/" + hook);
      Files.writeString(script, "#!/bin/sh\necho \"" + hook + " $*\" >> /" + HOOK_LOG + "\n");
      script.toFile().setExecutable(true, false);
      toolbox.add("usr/bin/" + hook);
    }
    for (String dir : List.of("var/lib/dpkg/updates", "var/lib/dpkg/info", "var/tmp", "var/log", "tmp")) {
      Files.createDirectories(path.resolve(dir));
    }
    Files.writeString(path.resolve("var/lib/dpkg/status"), "");
    boolean root = ToolRun.ok(List.of("id", "-u")).stdout().strip().equals("0");
    ScratchRoot scratch = new ScratchRoot(path, Set.copyOf(toolbox), root);
    scratch.ok(List.of("rpm", "--root", path.toString(), "--initdb"));
    return scratch;
  }

  /**
   * Installs with dpkg an empty stand-in package, version 99, for each of {@code names}: the
   * packages the kernel's own Depends names (kmod, linux-base, initramfs-tools), whose real
   * programs the toolbox or the hook stand-ins provide.
   */
  void installDebStandIns(List<String> names, Path work) throws IOException {
    List<String> command = new ArrayList<>(List.of("dpkg", "--root", path.toString(), "--force-not-root", "-i"));
    for (String name : names) {
      Path tree = Files.createDirectories(work.resolve("stand-in-" + name).resolve("DEBIAN"));
      Files.writeString(tree.resolve("control"), "Package: " + name + "\nVersion: 99\nArchitecture: all\n"
          + "Maintainer: kslim tests <tests@example.org>\nDescription: stand-in for " + name + "\n");
      Path deb = work.resolve("stand-in-" + name + ".deb");
      ToolRun.ok(List.of("dpkg-deb", "--root-owner-group", "-b", tree.getParent().toString(), deb.toString()));
      command.add(deb.toString());
    }
    ok(command);
  }

  Path path() {
    return path;
  }

  /** The files the toolbox placed, relative to the root. */
  Set<String> toolbox() {
    return toolbox;
  }

  /** What the hook stand-ins were called with, one call a line. */
  List<String> hookCalls() throws IOException {
    Path log = path.resolve(HOOK_LOG);
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** Runs a package tool on this root (under {@code unshare -r} when not root), whatever its exit code. */
  ToolRun run(List<String> command) {
    List<String> full = new ArrayList<>(root ? List.of() : List.of("unshare", "-r"));
    full.addAll(PATH);
    full.addAll(command);
    return ToolRun.of(full);
  }

  /** As {@link #run}, failing unless the tool exits 0. */
  ToolRun ok(List<String> command) {
    ToolRun run = run(command);
    assertThat(run.exit()).as(String.join(" ", command) + ": " + run.stderr()).isZero();
    return run;
  }

  /** Copies {@code binary} to {@code target} under the root, with every shared library ldd names at its own path. */
  private static void copyWithLibraries(Path root, Path binary, String target, Set<String> toolbox) throws IOException {
    copy(binary, root, target, toolbox);
    ToolRun ldd = ToolRun.of(List.of("ldd", binary.toString()));
    if (ldd.exit() != 0) {
      assertThat(ldd.stdout() + ldd.stderr()).as("ldd " + binary).contains("not a dynamic executable");
      return;
    }
    for (String line : ldd.stdout().lines().toList()) {
      String[] words = line.strip().split("\\s+");
      String library = words.length >= 3 && words[1].equals("=>") ? words[2] : words[0];
      if (library.startsWith("/")) {
        copy(Path.of(library), root, library.substring(1), toolbox);
      }
    }
  }

  private static void copy(Path from, Path root, String target, Set<String> toolbox) throws IOException {
    Path to = root.resolve(target);
    Files.createDirectories(to.getParent());
    Files.copy(from.toRealPath(), to, StandardCopyOption.REPLACE_EXISTING);
    toolbox.add(target);
  }

  /** A symlink at {@code name} to {@code target} relative to it, so that it stays inside the root. */
  private static void link(Path root, String name, String target, Set<String> toolbox) throws IOException {
    Path link = root.resolve(name);
    Files.createDirectories(link.getParent());
    if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(link, Path.of(target));
    }
    toolbox.add(name);
  }
}

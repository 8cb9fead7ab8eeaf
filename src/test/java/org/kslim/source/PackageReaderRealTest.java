package org.kslim.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

/** Reads the shared Debian kernels and an rpm built with rpmbuild, checked against dpkg-deb and rpm. */
class PackageReaderRealTest {
  private static final Pattern LISTING = Pattern.compile("^(\\S{10}) (\\S+)/(\\S+)\\s+(\\d+) (\\S+ \\S+) (.*)$");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final String KVER = "6.12.0-1.fc41.x86_64";

  @TempDir Path dir;

  @RealKernelTest
  void cloudDebEntriesMatchDpkgDeb() throws IOException, InterruptedException {
    checkDeb(SharedData.kernel(SharedData.CLOUD_DEB));
  }

  @RealKernelTest
  void genericDebEntriesMatchDpkgDeb() throws IOException, InterruptedException {
    checkDeb(SharedData.kernel(SharedData.GENERIC_DEB));
  }

  @RealKernelTest
  void oldCloudDebEntriesMatchDpkgDeb() throws IOException, InterruptedException {
    checkDeb(SharedData.kernel(SharedData.OLD_CLOUD_DEB));
  }

  /** Needs no shared file, but rpmbuild and rpm: runs with the real-kernel tier only. */
  @RealKernelTest
  void rpmBuiltByRpmbuildMatchesRpm() throws IOException, InterruptedException {
    SharedData.root();
    Path rpm = buildRpm();

    KernelPackage pkg = PackageReader.open(rpm);
    List<String> listed = new ArrayList<>();
    pkg.forEachEntry((entry, content) -> {
      long read = content.transferTo(java.io.OutputStream.nullOutputStream());
      assertThat(read).as(entry.path()).isEqualTo(entry.size());
      String type = entry.type() == EntryType.HARDLINK ? "FILE" : entry.type().name();
      listed.add("/" + entry.path() + " " + type + " " + Integer.toOctalString(entry.mode()) + " " + entry.user() + " " + entry.group());
    });

    String query = "[%{FILENAMES} %{FILEMODES:perms} %{FILEUSERNAME} %{FILEGROUPNAME}\\n]";
    List<String> expected = run("rpm", "-qp", "--qf", query, rpm.toString()).lines().map(PackageReaderRealTest::rpmLine).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(listed).contains("/usr/lib/modules/" + KVER + "/kernel/fs/ext4.ko FILE 600 nobody nogroup");
    assertThat(pkg.info().name()).isEqualTo("kernel-test-modules");
    assertThat(pkg.info().fields()).containsEntry("PAYLOADCOMPRESSOR", "zstd");
    assertThat(pkg.info().scripts()).containsEntry("%post", "/sbin/depmod -a " + KVER);
  }

  private void checkDeb(Path deb) throws IOException, InterruptedException {
    KernelPackage pkg = PackageReader.open(deb);
    List<String> ours = new ArrayList<>();
    pkg.forEachEntry((entry, content) -> {
      long read = content.transferTo(java.io.OutputStream.nullOutputStream());
      assertThat(read).as(entry.path()).isEqualTo(entry.size());
      ours.add(describe(entry));
    });

    List<String> dpkg = run("dpkg-deb", "-c", deb.toString()).lines().map(PackageReaderRealTest::dpkgLine)
        .filter(line -> !line.isEmpty()).toList();
    assertThat(ours).containsExactlyElementsOf(dpkg);
    assertThat(ours).hasSizeGreaterThan(1000);

    PackageInfo info = pkg.info();
    for (Map.Entry<String, String> field : info.fields().entrySet()) {
      assertThat(field.getValue()).as(field.getKey()).isEqualTo(run("dpkg-deb", "-f", deb.toString(), field.getKey()).stripTrailing());
    }
    String version = run("dpkg-deb", "-f", deb.toString(), "Version").strip();
    assertThat(info.version() + "-" + info.release()).isEqualTo(version);
    assertThat(info.name()).isEqualTo(run("dpkg-deb", "-f", deb.toString(), "Package").strip());
    assertThat(info.scripts()).containsOnlyKeys("preinst", "postinst", "prerm", "postrm");
    for (Map.Entry<String, String> script : info.scripts().entrySet()) {
      assertThat(script.getValue()).isEqualTo(run("dpkg-deb", "-I", deb.toString(), script.getKey()));
    }
  }

  private static String describe(Entry entry) {
    String type = switch (entry.type()) {
      case FILE -> "-";
      case DIRECTORY -> "d";
      case SYMLINK -> "l";
      case HARDLINK -> "h";
      case OTHER -> "?";
    };
    String link = entry.linkTarget() == null ? "" : " -> " + entry.linkTarget();
    return type + " " + Integer.toOctalString(entry.mode()) + " " + entry.user() + "/" + entry.group() + " " + entry.size() + " "
        + MINUTE.format(Instant.ofEpochSecond(entry.mtime())) + " " + entry.path() + link;
  }

  /** A {@code dpkg-deb -c} line in {@link #describe}'s form; empty for the root {@code ./}. */
  private static String dpkgLine(String line) {
    Matcher m = LISTING.matcher(line);
    assertThat(m.matches()).as(line).isTrue();
    String name = m.group(6);
    String link = "";
    int arrow = name.indexOf(" -> ");
    if (arrow >= 0) {
      link = " -> " + name.substring(arrow + 4);
      name = name.substring(0, arrow);
    }
    int hard = name.indexOf(" link to ");
    if (hard >= 0) {
      link = " -> " + name.substring(hard + 9).substring(2);
      name = name.substring(0, hard);
    }
    String path = name.substring(2).replaceAll("/$", "");
    if (path.isEmpty()) {
      return "";
    }
    String perms = m.group(1);
    return perms.charAt(0) + " " + Integer.toOctalString(mode(perms)) + " " + m.group(2) + "/" + m.group(3) + " " + m.group(4) + " "
        + m.group(5) + " " + path + link;
  }

  /** An {@code rpm -qp --qf} line in the form the rpm test lists entries. */
  private static String rpmLine(String line) {
    String[] parts = line.split(" ");
    String perms = parts[1];
    String type = switch (perms.charAt(0)) {
      case '-' -> "FILE";
      case 'd' -> "DIRECTORY";
      case 'l' -> "SYMLINK";
      default -> "OTHER";
    };
    return parts[0] + " " + type + " " + Integer.toOctalString(mode(perms)) + " " + parts[2] + " " + parts[3];
  }

  /** The mode bits of an {@code ls -l} permission string such as {@code -rwsr-xr-t}. */
  private static int mode(String perms) {
    int mode = 0;
    for (int i = 0; i < 9; i++) {
      char c = perms.charAt(1 + i);
      if (c != '-' && c != 'S' && c != 'T') {
        mode |= 0400 >> i;
      }
    }
    String special = "" + perms.charAt(3) + perms.charAt(6) + perms.charAt(9);
    for (int i = 0; i < 3; i++) {
      if ("sStT".indexOf(special.charAt(i)) >= 0) {
        mode |= 04000 >> i;
      }
    }
    return mode;
  }

  private Path buildRpm() throws IOException, InterruptedException {
    Path spec = dir.resolve("kernel-test.spec");
    Files.writeString(spec, String.join("\n",
        "%define _binary_payload w19.zstdio",
        "%define _build_id_links none",
        "%define __os_install_post %{nil}",
        "%define debug_package %{nil}",
        "Name: kernel-test-modules",
        "Version: 6.12.0",
        "Release: 1",
        "Summary: modules for a test",
        "License: GPL-2.0-only",
        "BuildArch: x86_64",
        "%description",
        "Kernel modules to test kslim's rpm reader.",
        "%install",
        "m=%{buildroot}/usr/lib/modules/" + KVER,
        "mkdir -p $m/kernel/fs $m/kernel/drivers",
        "head -c 100000 /dev/urandom > $m/kernel/fs/ext4.ko",
        "echo ko > $m/kernel/drivers/a.ko",
        "ln $m/kernel/drivers/a.ko $m/kernel/drivers/b.ko",
        "echo kernel/fs/ext4.ko > $m/modules.order",
        "ln -s /usr/src/kernels/" + KVER + " $m/build",
        "%post",
        "/sbin/depmod -a " + KVER,
        "%files",
        "%dir /usr/lib/modules/" + KVER,
        "%dir /usr/lib/modules/" + KVER + "/kernel",
        "%dir /usr/lib/modules/" + KVER + "/kernel/fs",
        "/usr/lib/modules/" + KVER + "/kernel/drivers",
        "/usr/lib/modules/" + KVER + "/build",
        "%attr(0600,nobody,nogroup) /usr/lib/modules/" + KVER + "/kernel/fs/ext4.ko",
        "/usr/lib/modules/" + KVER + "/modules.order",
        ""));
    run("rpmbuild", "-bb", "--quiet", "--define", "_topdir " + dir.resolve("top"), spec.toString());
    try (var rpms = Files.walk(dir.resolve("top/RPMS"))) {
      return rpms.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("TZ", "UTC");
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    return out;
  }
}

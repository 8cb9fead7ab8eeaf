package org.kslim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kslim.BadInputException;
import org.kslim.source.deb.DebBuilder;
import org.kslim.source.rpm.RpmBuilder;

/**
 * Hostile entries in each kind of source (a deb's tar, an rpm's cpio, a folder): paths that
 * escape the root, duplicates and device files are refused before any visitor sees them;
 * symlinks pointing outside are reported as symlinks and never followed.
 */
class ArchiveSafetyTest {
  private static final String MODULES = "./lib/modules/6.1.0-56-amd64/";
  private static final String RPM_MODULES = "./usr/lib/modules/6.12.0-1.x86_64";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"./../etc/passwd", "/etc/passwd", "./lib/modules/../../../etc/passwd", "./lib//modules/x.ko"})
  void aDebEntryEscapingTheRootIsRefused(String path) throws IOException {
    Path deb = deb(b -> b.file(path, "x"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!" + path + ": path escapes the package root");
  }

  @ParameterizedTest
  @ValueSource(strings = {"./../etc/passwd", "/etc/passwd", "./usr/lib/modules/../../../etc/passwd"})
  void anRpmEntryEscapingTheRootIsRefused(String path) throws IOException {
    Path rpm = new RpmBuilder().directory(RPM_MODULES).file(path, "x").write(dir.resolve("k.rpm"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(rpm)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(rpm + "!" + path + ": path escapes the package root");
  }

  @Test
  void aDebHardLinkOutsideTheRootIsRefused() throws IOException {
    Path deb = deb(b -> b.hardlink(MODULES + "a.ko", "../../etc/shadow"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!../../etc/shadow: path escapes the package root");
  }

  @Test
  void namesThatAreTheSameOnceNormalisedAreRefusedAsDuplicates() throws IOException {
    Path deb = deb(b -> b.file(MODULES + "a.ko", "one").file("lib/modules/6.1.0-56-amd64/a.ko", "two"));
    Path rpm = new RpmBuilder().directory(RPM_MODULES).file(RPM_MODULES + "/a.ko", "one").file("././usr/lib/modules/6.12.0-1.x86_64/a.ko", "two")
        .write(dir.resolve("k.rpm"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!lib/modules/6.1.0-56-amd64/a.ko: duplicate path");
    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(rpm)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(rpm + "!usr/lib/modules/6.12.0-1.x86_64/a.ko: duplicate path");
  }

  @Test
  void aDeviceFileIsRefusedInADebAndAnRpm() throws IOException {
    Path deb = deb(b -> b.device("./dev/sda"));
    Path rpm = new RpmBuilder().directory(RPM_MODULES).device("./dev/sda").write(dir.resolve("k.rpm"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!dev/sda: a device file, fifo or socket, which no kernel package holds");
    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(rpm)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(rpm + "!dev/sda: a device file, fifo or socket, which no kernel package holds");
  }

  @Test
  void symlinksPointingOutsideAreReportedNotFollowedInADebAndAnRpm() throws IOException {
    Path deb = deb(b -> b.symlink(MODULES + "evil.ko", "../../../../etc/shadow"));
    Path rpm = new RpmBuilder().directory(RPM_MODULES).symlink(RPM_MODULES + "/evil.ko", "/etc/shadow").write(dir.resolve("k.rpm"));

    Entry fromDeb = EntryCollector.of(PackageReader.open(deb)).entry("lib/modules/6.1.0-56-amd64/evil.ko");
    EntryCollector rpmEntries = EntryCollector.of(PackageReader.open(rpm));
    Entry fromRpm = rpmEntries.entry("usr/lib/modules/6.12.0-1.x86_64/evil.ko");

    assertThat(fromDeb.type()).isEqualTo(EntryType.SYMLINK);
    assertThat(fromDeb.linkTarget()).isEqualTo("../../../../etc/shadow");
    assertThat(fromRpm.type()).isEqualTo(EntryType.SYMLINK);
    assertThat(fromRpm.linkTarget()).isEqualTo("/etc/shadow");
    assertThat(rpmEntries.content(fromRpm.path())).isEmpty();
  }

  @Test
  void aTreeReportsSymlinksOutsideAsSymlinksAndNeverWalksThem() throws IOException {
    Path kernel = Files.createDirectories(dir.resolve("tree/lib/modules/6.1.0-56-amd64/kernel"));
    Files.writeString(kernel.resolve("a.ko"), "ko");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.ko"), "secret");
    Files.createSymbolicLink(kernel.resolve("evil.ko"), outside.resolve("secret.ko"));
    Files.createSymbolicLink(kernel.resolve("drivers"), outside);

    EntryCollector entries = EntryCollector.of(PackageReader.open(dir.resolve("tree")));

    assertThat(entries.entry("lib/modules/6.1.0-56-amd64/kernel/evil.ko").type()).isEqualTo(EntryType.SYMLINK);
    assertThat(entries.entry("lib/modules/6.1.0-56-amd64/kernel/drivers").type()).isEqualTo(EntryType.SYMLINK);
    assertThat(entries.paths()).noneMatch(p -> p.contains("secret"));
    assertThat(entries.content("lib/modules/6.1.0-56-amd64/kernel/evil.ko")).isEmpty();
  }

  @Test
  void aFifoInATreeIsRefused() throws Exception {
    Path kernel = Files.createDirectories(dir.resolve("tree/lib/modules/6.1.0-56-amd64/kernel"));
    Files.writeString(kernel.resolve("a.ko"), "ko");
    Path fifo = kernel.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo works").isTrue();

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(dir.resolve("tree"))))
        .isInstanceOf(BadInputException.class)
        .hasMessage(dir.resolve("tree") + "!lib/modules/6.1.0-56-amd64/kernel/pipe: a device file, fifo or socket, which no kernel package holds");
  }

  private Path deb(UnaryOperator<DebBuilder> entries) throws IOException {
    DebBuilder builder = new DebBuilder().directory("./lib/").directory("./lib/modules/").directory(MODULES)
        .file(MODULES + "kernel.ko", "ko".getBytes(StandardCharsets.UTF_8));
    return entries.apply(builder).write(dir.resolve("k" + Files.list(dir).count() + ".deb"));
  }
}

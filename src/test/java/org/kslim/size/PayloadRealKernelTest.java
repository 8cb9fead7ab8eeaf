package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

/**
 * The payload sizes kslim computes against real {@code dpkg-deb -b} and {@code rpmbuild -bb}
 * packages of the unpacked cloud kernel. Prints each figure, its deviation and the time taken.
 */
class PayloadRealKernelTest {
  private static final double TOLERANCE = 0.005;

  @TempDir static Path work;
  private static Path root;
  private static List<FileContent> files;

  private static synchronized List<FileContent> cloudFiles() throws IOException, InterruptedException {
    if (files == null) {
      root = work.resolve("root");
      run(work, "dpkg-deb", "-x", SharedData.kernel(SharedData.CLOUD_DEB).toString(), root.toString());
      files = TreeFiles.read(root);
    }
    return files;
  }

  @RealKernelTest
  void debPayloadMatchesDpkgDebBuild() throws Exception {
    List<FileContent> set = cloudFiles();
    Files.createDirectories(root.resolve("DEBIAN"));
    Files.writeString(root.resolve("DEBIAN/control"), "Package: kslim-test\nVersion: 1\nArchitecture: amd64\n"
        + "Maintainer: kslim <kslim@example.org>\nDescription: payload size test\n");
    Path deb = work.resolve("out.deb");
    long start = System.nanoTime();
    run(work, "dpkg-deb", "-Zxz", "-z6", "-b", root.toString(), deb.toString());
    double dpkgSeconds = seconds(start);
    Map<String, Long> members = arMembers(deb);
    long real = members.get("data.tar.xz");
    long realTar = run(work, "dpkg-deb", "--fsys-tarfile", deb.toString()).length;

    SizeCache cache = SizeCache.at(work.resolve("cache"), message -> { });
    long first = System.nanoTime();
    PackageSizes system = timed("deb system", PayloadFormat.DEB, CompressorKind.SYSTEM, set, cache);
    double firstSeconds = seconds(first);
    long again = System.nanoTime();
    PackageSizes cached = timed("deb system, cached", PayloadFormat.DEB, CompressorKind.SYSTEM, set, cache);
    double againSeconds = seconds(again);
    PackageSizes builtIn = timed("deb built-in", PayloadFormat.DEB, CompressorKind.BUILT_IN, set, SizeCache.disabled());
    report("dpkg-deb -Zxz -z6 -b data.tar.xz", real, dpkgSeconds, system, builtIn);
    System.out.printf("re-check from cache %.2f s vs %.1f s: %.0fx faster%n", againSeconds, firstSeconds,
        firstSeconds / againSeconds);

    assertThat(system.payloadBytes()).isEqualTo(realTar);
    assertThat(cached).isEqualTo(system);
    assertThat(firstSeconds / againSeconds).isGreaterThanOrEqualTo(10);
    assertThat(deviation(system.get(Measure.COMPRESSED), real)).isLessThanOrEqualTo(TOLERANCE);
    assertThat(deviation(builtIn.get(Measure.COMPRESSED), real)).isLessThanOrEqualTo(0.05);
  }

  @RealKernelTest
  void installedKibIsDpkgGencontrolsInstalledSize() throws Exception {
    Path deb = SharedData.kernel(SharedData.CLOUD_DEB);
    long declared = Long.parseLong(new String(run(work, "dpkg-deb", "-f", deb.toString(), "Installed-Size"),
        StandardCharsets.US_ASCII).strip());
    Path control = work.resolve("control");
    run(work, "dpkg-deb", "-e", deb.toString(), control.toString());
    // dpkg-gencontrol also counted DEBIAN/ (1 KiB) and the maintainer scripts in it (md5sums came later)
    long controlKib = 1;
    for (String script : List.of("preinst", "postinst", "prerm", "postrm")) {
      Path p = control.resolve(script);
      controlKib += Files.exists(p) ? (Files.size(p) + 1023) / 1024 : 0;
    }
    PackageSizes sizes = new SizeMeter(SizeSettings.of(PayloadFormat.DEB).withCompression(
        new PayloadCompression(org.kslim.source.Compression.GZIP, 1)), SizeCache.disabled())
        .measure("cloud", cloudFiles());

    System.out.printf("Installed-Size: declared %d KiB, measured %d KiB + control area %d KiB%n",
        declared, sizes.get(Measure.INSTALLED_KIB), controlKib);
    assertThat(sizes.get(Measure.INSTALLED_KIB) + controlKib).isEqualTo(declared);
    String du = new String(run(work, "du", "-B1", "-s", "--exclude=DEBIAN", root.toString()),
        StandardCharsets.US_ASCII).split("\\s")[0];
    System.out.printf("disk: measured %d bytes, du -B1 -s of the unpacked tree %s (equal on ext4)%n",
        sizes.get(Measure.DISK), du);
  }

  @RealKernelTest
  void rpmPayloadMatchesRpmbuild() throws Exception {
    List<FileContent> set = cloudFiles();
    Path top = work.resolve("rpmbuild");
    Path spec = work.resolve("kslim-test.spec");
    Files.writeString(spec, spec(set));
    long start = System.nanoTime();
    run(work, "rpmbuild", "-bb", "--define", "_topdir " + top, spec.toString());
    double rpmSeconds = seconds(start);
    Path rpm;
    try (var found = Files.walk(top.resolve("RPMS"))) {
      rpm = found.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
    }
    byte[] payload = rpmPayload(Files.readAllBytes(rpm));
    long realCpio;
    try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(payload))) {
      realCpio = in.transferTo(java.io.OutputStream.nullOutputStream());
    }

    PackageSizes system = timed("rpm system", PayloadFormat.RPM, CompressorKind.SYSTEM, set, SizeCache.disabled());
    PackageSizes builtIn = timed("rpm built-in", PayloadFormat.RPM, CompressorKind.BUILT_IN, set, SizeCache.disabled());
    report("rpmbuild -bb w19.zstdio payload", payload.length, rpmSeconds, system, builtIn);
    long rpmSize = Long.parseLong(new String(run(work, "rpm", "-qp", "--qf", "%{SIZE}", rpm.toString()),
        StandardCharsets.US_ASCII).strip());
    System.out.printf("rpm SIZE %d, kslim installed %d%n", rpmSize, system.get(Measure.INSTALLED));

    assertThat(system.payloadBytes()).isEqualTo(realCpio);
    assertThat(deviation(system.get(Measure.COMPRESSED), payload.length)).isLessThanOrEqualTo(TOLERANCE);
    assertThat(deviation(builtIn.get(Measure.COMPRESSED), payload.length)).isLessThanOrEqualTo(0.05);
  }

  private static String spec(List<FileContent> set) {
    String list = set.stream().map(f -> (f.entry().type() == org.kslim.source.EntryType.DIRECTORY ? "%dir " : "")
        + "/" + f.entry().path()).collect(Collectors.joining("\n"));
    return """
        Name: kslim-test
        Version: 1
        Release: 1
        Summary: payload size test
        License: GPL-2.0-only
        AutoReqProv: no
        %define _binary_payload w19.zstdio
        %define __os_install_post %{nil}
        %define __spec_install_post %{nil}
        %define _build_id_links none
        %define debug_package %{nil}
        %description
        payload size test
        %install
        mkdir -p %{buildroot}
        cp -a ROOT/. %{buildroot}/
        rm -rf %{buildroot}/DEBIAN
        %files
        %defattr(-,root,root,-)
        LIST
        """.replace("ROOT", root.toString()).replace("LIST", list);
  }

  /** The bytes after an rpm's lead, signature header (padded to 8) and main header. */
  private static byte[] rpmPayload(byte[] rpm) {
    int offset = 96;
    for (int header = 0; header < 2; header++) {
      ByteBuffer b = ByteBuffer.wrap(rpm, offset, 16);
      b.getLong();
      int count = b.getInt();
      int size = b.getInt();
      offset += 16 + 16 * count + size;
      if (header == 0) {
        offset = (offset + 7) & ~7;
      }
    }
    return java.util.Arrays.copyOfRange(rpm, offset, rpm.length);
  }

  private static PackageSizes timed(String what, PayloadFormat format, CompressorKind kind, List<FileContent> set,
      SizeCache cache) throws IOException {
    long start = System.nanoTime();
    PackageSizes sizes = new SizeMeter(SizeSettings.of(format).withKind(kind), cache)
        .measure("cloud", set);
    System.out.printf("%s: %s, %.1f s%n", what, sizes.compressor().label(), seconds(start));
    return sizes;
  }

  private static void report(String what, long real, double seconds, PackageSizes system, PackageSizes builtIn) {
    System.out.printf("%s: %d bytes (%.1f s); system %d (%+.3f%%), built-in %d (%+.3f%%)%n", what, real, seconds,
        system.get(Measure.COMPRESSED), 100 * signed(system.get(Measure.COMPRESSED), real),
        builtIn.get(Measure.COMPRESSED), 100 * signed(builtIn.get(Measure.COMPRESSED), real));
  }

  private static double signed(long measured, long real) {
    return (measured - real) / (double) real;
  }

  private static double deviation(long measured, long real) {
    return Math.abs(signed(measured, real));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static Map<String, Long> arMembers(Path deb) throws IOException {
    Map<String, Long> members = new java.util.HashMap<>();
    try (ArArchiveInputStream ar = new ArArchiveInputStream(Files.newInputStream(deb))) {
      for (ArArchiveEntry e = ar.getNextEntry(); e != null; e = ar.getNextEntry()) {
        members.put(e.getName(), e.getLength());
      }
    }
    return members;
  }

  /** Runs a command in {@code dir}, fails on a non-zero exit, returns its standard output. */
  private static byte[] run(Path dir, String... command) throws IOException, InterruptedException {
    Path err = Files.createTempFile(work, "stderr", ".txt");
    Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
        .redirectError(err.toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    int status = p.waitFor();
    assertThat(status).as(String.join(" ", command) + ": " + Files.readString(err)).isZero();
    return out;
  }
}

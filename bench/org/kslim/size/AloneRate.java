package org.kslim.size;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kslim.Progress;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageReader;

/**
 * Files a second of the per-file compressed figures (each module compressed alone with xz -6), in
 * two ways over the same files: {@code before} as kslim did it up to now (one payload compressor
 * opened per file, its buffers allocated anew, one thread), {@code after} as {@link AloneSizes}
 * does (encoders kept per thread, their buffers reused, every core). No cache: every file is
 * compressed. Prints wall seconds, process CPU seconds and files a second of each.
 *
 * <pre>{@code
 * java -cp target/classes:DEPS:target/bench org.kslim.size.AloneRate PACKAGE EVERY_NTH before|after|both
 * }</pre>
 */
public final class AloneRate {
  private AloneRate() {}

  public static void main(String[] args) throws IOException {
    KernelPackage pkg = PackageReader.open(Path.of(args[0]));
    int every = Integer.parseInt(args[1]);
    Map<String, byte[]> files = new LinkedHashMap<>();
    int[] seen = {0};
    pkg.forEachEntry((entry, content) -> {
      if (entry.isFile() && entry.path().endsWith(".ko") && seen[0]++ % every == 0) {
        byte[] bytes = FileContent.read(pkg, entry, content).bytes();
        files.put(ContentHash.of(bytes), bytes);
      }
    });
    long bytes = files.values().stream().mapToLong(b -> b.length).sum();
    System.out.printf("%d modules, %.1f MB, %d cores%n", files.size(), bytes / 1e6,
        Runtime.getRuntime().availableProcessors());
    PayloadCompression xz6 = PayloadCompression.DEB_DEFAULT;
    if (!args[2].equals("after")) {
      Compressor compressor = CompressorKind.BUILT_IN.create(xz6, Runtime.getRuntime().availableProcessors());
      time("before", files.size(), () -> {
        for (byte[] file : files.values()) {
          try (OutputStream out = compressor.open(OutputStream.nullOutputStream())) {
            out.write(file);
          }
        }
      });
    }
    if (!args[2].equals("before")) {
      AloneSizes alone = new AloneSizes(xz6, Runtime.getRuntime().availableProcessors(), SizeCache.disabled());
      time("after", files.size(), () -> alone.measure(files, Progress.NONE));
    }
  }

  private interface Run {
    void run() throws IOException;
  }

  private static void time(String what, int count, Run run) throws IOException {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    run.run();
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %.1f s wall, %.1f s CPU, %.1f files/s (%.0f files/min)%n", what, wall,
        (os.getProcessCpuTime() - cpu) / 1e9, count / wall, 60 * count / wall);
  }
}

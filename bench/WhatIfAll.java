import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalyzer;
import org.kslim.decide.Selector;
import org.kslim.decide.WhatIf;

/**
 * Times {@code whatif} for every folder holding modules, each from its first module's package,
 * after one analysis (not timed): 3 warm-up rounds, then 5 timed ones; prints the median wall
 * time of a round and the mean CPU time of a round.
 *
 * <pre>{@code
 * java -cp target/classes:DEPS:target/bench WhatIfAll linux-image.deb def_variants.yaml.fedora CACHE_DIR
 * }</pre>
 */
public final class WhatIfAll {
  private WhatIfAll() {}

  public static void main(String[] args) {
    CheckRequest request = CheckRequest.of(Path.of(args[0]), Path.of(args[1])).withCacheDirectory(Path.of(args[2]));
    WhatIf whatIf = new WhatIf(SplitAnalyzer.analyze(request));
    Map<String, String> folders = new TreeMap<>();
    whatIf.analysis().split().placements().values().forEach(p ->
        folders.putIfAbsent(p.module().substring(0, p.module().lastIndexOf('/')), p.pkg()));
    for (int i = 0; i < 3; i++) {
      round(whatIf, folders);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] wall = new long[5];
    long cpuStart = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < wall.length; i++) {
      long start = System.nanoTime();
      round(whatIf, folders);
      wall[i] = System.nanoTime() - start;
    }
    long cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / wall.length;
    Arrays.sort(wall);
    System.out.printf("whatif for %d folders (%d modules): median %.3f s per round, mean CPU %.3f s%n",
        folders.size(), whatIf.analysis().split().placements().size(), wall[wall.length / 2] / 1e9, cpu / 1e9);
  }

  private static void round(WhatIf whatIf, Map<String, String> folders) {
    folders.forEach((folder, pkg) -> whatIf.evaluate(List.of(new Selector(folder)), pkg, WhatIf.NONE));
  }
}

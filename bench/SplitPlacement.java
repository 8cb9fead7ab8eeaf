import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.kslim.kmod.DependencyGraph;
import org.kslim.kmod.DependencyResolver;
import org.kslim.kmod.ModuleSet;
import org.kslim.kmod.ModuleSetReader;
import org.kslim.policy.Policy;
import org.kslim.policy.PolicyReader;
import org.kslim.source.PackageReader;
import org.kslim.split.Split;
import org.kslim.split.Splitter;

/**
 * Times placing a kernel's modules by a policy (reading the policy and the package is not timed):
 * 30 warm-up splits, then 100 timed ones; prints the median wall time and the mean CPU time.
 *
 * <pre>{@code
 * java -cp target/classes:DEPS:target/bench SplitPlacement linux-image.deb def_variants.yaml.fedora
 * }</pre>
 */
public final class SplitPlacement {
  private SplitPlacement() {}

  public static void main(String[] args) throws Exception {
    ModuleSet set = new ModuleSetReader().read(PackageReader.open(Path.of(args[0])));
    DependencyGraph graph = DependencyResolver.resolve(set.modules(), set.modulesOrder()).graph();
    Policy policy = PolicyReader.read(Path.of(args[1]));
    for (int i = 0; i < 30; i++) {
      Splitter.split(graph, policy, Set.of());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] wall = new long[100];
    long cpuStart = threads.getCurrentThreadCpuTime();
    Split split = null;
    for (int i = 0; i < wall.length; i++) {
      long start = System.nanoTime();
      split = Splitter.split(graph, policy, Set.of());
      wall[i] = System.nanoTime() - start;
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    Arrays.sort(wall);
    System.out.printf("%d modules into %s: median wall %.1f ms, mean CPU %.1f ms per split%n",
        graph.modules().size(), split.packages(), wall[wall.length / 2] / 1e6, cpu / 1e6 / wall.length);
  }
}

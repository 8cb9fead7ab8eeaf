package org.kslim.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kslim.kmod.DependencyGraph;
import org.kslim.policy.Policy;
import org.kslim.policy.PolicyReader;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

/**
 * Fedora's rule file gives filtermods.py's lists, byte for byte, and its moves: on kmod's
 * modules.dep (filtermods.py's own input) and on the graph kslim computes from the packages.
 */
class SplitterRealTest {
  private static final String GENERIC = "6.1.0-56-amd64";
  private static final String CLOUD = "6.1.0-56-cloud-amd64";

  @RealKernelTest
  void genericKernelByModulesDep() throws IOException {
    assertSameAsFiltermods(GENERIC, ModulesDep.read(SharedData.reference(GENERIC)));
  }

  @RealKernelTest
  void cloudKernelByModulesDep() throws IOException {
    assertSameAsFiltermods(CLOUD, ModulesDep.read(SharedData.reference(CLOUD)));
  }

  @RealKernelTest
  void genericKernelByItsPackage() throws IOException {
    KernelGraphs.Kernel kernel = KernelGraphs.of(SharedData.GENERIC_DEB);
    assertThat(kernel.version()).isEqualTo(GENERIC);
    assertSameAsFiltermods(GENERIC, kernel.graph());
  }

  @RealKernelTest
  void cloudKernelByItsPackage() throws IOException {
    KernelGraphs.Kernel kernel = KernelGraphs.of(SharedData.CLOUD_DEB);
    assertThat(kernel.version()).isEqualTo(CLOUD);
    assertSameAsFiltermods(CLOUD, kernel.graph());
  }

  private static void assertSameAsFiltermods(String kver, DependencyGraph graph) throws IOException {
    Policy fedora = PolicyReader.read(SharedData.peer("def_variants.yaml.fedora"));
    Split split = Splitter.split(graph, fedora, Set.of());

    Path peer = SharedData.peer("filtermods/" + kver);
    Path out = Files.createTempDirectory("kslim-lists");
    List<Path> lists = SplitLists.write(split, out, ListStyle.RELATIVE, kver, "/lib/modules");
    assertThat(lists).hasSize(4);
    for (Path list : lists) {
      assertThat(list).as(list.getFileName().toString()).hasSameTextualContentAs(peer.resolve(list.getFileName()));
      Files.delete(list);
    }
    Files.delete(out);
    List<String> moved = new ArrayList<>();
    for (Move move : split.moves()) {
      moved.add(move.module().substring(move.module().lastIndexOf('/') + 1) + "\t" + move.wanted() + "\t" + move.actual());
    }
    List<String> expected = Files.readAllLines(peer.resolve("moved.tsv"));
    assertThat(moved).containsAll(expected.subList(1, expected.size()));
  }
}

package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.testing.ElfBuilder;
import org.kslim.testing.RealKernelTest;

/**
 * kslim's depmod against kmod's on module trees written here: random symbol graphs with cycles,
 * symbols exported twice, weak and missing symbols, CRC mismatches, modules missing from
 * modules.order and modules under {@code updates/}. kmod must agree file for file, and warn about
 * as many missing symbols and CRC mismatches as kslim reports.
 */
class DepmodScenarioRealTest {
  private static final String VERSION = "6.1.0-scenario";
  private static final int MODULES = 300;

  @TempDir Path temp;

  @RealKernelTest
  void randomModuleGraphsMatchKmod() throws IOException {
    for (long seed = 1; seed <= 4; seed++) {
      Path root = temp.resolve("root" + seed);
      Path symvers = writeTree(root, new Random(seed), false);

      String warnings = KmodTool.depmod(root, VERSION, symvers);
      DepmodRun run = Depmod.run(root, temp.resolve("out" + seed), DepmodOptions.DEFAULTS.withSymvers(symvers));

      KmodTool.assertSameIndexes(root.resolve("lib/modules").resolve(VERSION), run.folder());
      assertThat(count(run.result().problems(), Problem.UnresolvedSymbol.class))
          .as("seed " + seed).isEqualTo(lines(warnings, "needs unknown symbol"));
      assertThat(count(run.result().problems(), Problem.CrcMismatch.class))
          .as("seed " + seed).isEqualTo(lines(warnings, "disagrees about version of symbol"));
    }
  }

  @RealKernelTest
  void cyclesKmodRefusesToWriteAreReportedAndLeftOut() throws IOException {
    Path root = temp.resolve("root");
    Path symvers = writeTree(root, new Random(5), true);

    KmodTool.Outcome kmod = KmodTool.depmodOutcome(root, VERSION, symvers);
    DepmodRun run = Depmod.run(root, temp.resolve("out"), DepmodOptions.DEFAULTS.withSymvers(symvers));

    // kmod 30 names each cycle, exits 1 and writes nothing; kslim reports them and writes the rest
    assertThat(kmod.exit()).isEqualTo(1);
    assertThat(root.resolve("lib/modules").resolve(VERSION).resolve("modules.dep")).doesNotExist();
    assertThat(lines(kmod.stderr(), "Cycle detected")).isEqualTo(2);
    assertThat(run.result().problems()).filteredOn(Problem.DependencyCycle.class::isInstance).hasSize(2);
    assertThat(run.result().cyclic()).extracting(ModuleParser::moduleName).containsExactlyInAnyOrder(
        "mod289", "mod290", "mod_291", "mod292", "mod293", "mod_294", "mod295");
    String dep = Files.readString(run.folder().resolve("modules.dep"));
    assertThat(dep).contains("mod296.ko:").doesNotContain("mod290.ko").doesNotContain("mod_294.ko");
  }

  /**
   * Writes a tree of random modules and returns its Module.symvers. Modules need only lower
   * numbered ones, except, with {@code rings}, two rings (kmod 30's cycle report loops on
   * tangled cycles, so they stay simple and apart): 290 and 291 need each other, 293, 294 and
   * 295 need each other in turn; 289 and 292 are needed by one ring only, 296 to 299 need ring
   * members.
   */
  private static Path writeTree(Path root, Random random, boolean rings) throws IOException {
    Path modules = Files.createDirectories(root.resolve("lib/modules").resolve(VERSION));
    StringBuilder symvers = new StringBuilder();
    for (int k = 0; k < 20; k++) {
      symvers.append(String.format("0x%08x\tkernel_fn%d\tvmlinux\tEXPORT_SYMBOL\t%n", k + 1, k));
    }
    StringBuilder order = new StringBuilder();
    for (int m = 0; m < MODULES; m++) {
      ElfBuilder elf = ElfBuilder.x86_64().modinfo("license=GPL", "alias=test:m" + m + "*");
      if (random.nextInt(20) == 0) {
        elf.modinfo("alias=devname:dev" + m, "alias=char-major-" + (200 + m) + "-" + m);
      }
      if (random.nextInt(15) == 0) {
        elf.modinfo("softdep=pre: mod" + random.nextInt(MODULES));
      }
      elf.export("fn" + m, m);
      if (m < 100 && random.nextInt(10) == 0) {
        elf.export("shared" + random.nextInt(5), 7);
      }
      for (int target : rings ? needs(m, random) : lowerNeeds(m, random)) {
        elf.needs("fn" + target, random.nextInt(40) == 0 ? 999 : target);
      }
      if (m >= 150 && m < 289 && random.nextInt(8) == 0) {
        elf.needs("shared" + random.nextInt(5), 7);
      }
      if (random.nextInt(5) == 0) {
        int k = random.nextInt(20);
        elf.needs("kernel_fn" + k, random.nextInt(30) == 0 ? 0 : k + 1);
      }
      if (random.nextInt(25) == 0) {
        elf.needs("missing" + m, 1);
      }
      if (m > 0 && m < 289 && random.nextInt(10) == 0) {
        elf.needsWeak(random.nextBoolean() ? "weak_missing" : "fn" + random.nextInt(m));
      }
      String dir = random.nextInt(30) == 0 ? "updates/" : "kernel/dir" + (m % 7) + "/";
      String file = "mod" + (m % 3 == 0 ? "-" : "") + m + ".ko";
      Path path = modules.resolve(dir + file);
      Files.createDirectories(path.getParent());
      Files.write(path, elf.build());
      if (random.nextInt(10) != 0) {
        order.append(dir).append(file).append('\n');
      }
    }
    Files.writeString(modules.resolve("modules.order"), order);
    return Files.writeString(root.resolve("Module.symvers"), symvers);
  }

  private static List<Integer> needs(int m, Random random) {
    return switch (m) {
      case 290 -> List.of(291, 289);
      case 291 -> List.of(290);
      case 293 -> List.of(294, 292);
      case 294 -> List.of(295);
      case 295 -> List.of(293);
      case 296, 297, 298, 299 -> List.of(random.nextBoolean() ? 290 : 294, random.nextInt(289));
      default -> m < 289 ? lowerNeeds(m, random) : List.of();
    };
  }

  private static List<Integer> lowerNeeds(int m, Random random) {
    List<Integer> targets = new ArrayList<>();
    int count = m == 0 ? 0 : random.nextInt(4);
    for (int n = 0; n < count; n++) {
      targets.add(random.nextInt(m));
    }
    return targets;
  }

  private static long count(List<Problem> problems, Class<? extends Problem> kind) {
    return problems.stream().filter(kind::isInstance).count();
  }

  private static long lines(String text, String containing) {
    List<String> matching = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.contains(containing)) {
        matching.add(line);
      }
    }
    return matching.size();
  }
}

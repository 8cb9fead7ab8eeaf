package org.kslim.decide;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kslim.UsageException;
import org.kslim.check.SplitAnalysis;
import org.kslim.kmod.DependencyGraph;
import org.kslim.kmod.Module;
import org.kslim.policy.ModuleRef;
import org.kslim.size.FileSizes;
import org.kslim.size.Measure;
import org.kslim.size.PackageSizes;
import org.kslim.split.Placement;

/**
 * Answers "what if these modules left that package?" from one analysis, without splitting or
 * compressing again: the exclusive dependency closure, the receiving package, every package's
 * size change (compressed figures estimated from per-file figures and each package's real ratio,
 * with an error bound) and what would break. As the split does, a selected module that a staying
 * module needs and could no longer reach is held back, so the prediction is what {@code check}
 * reports once the policy says the same; only dropping modules ({@link #NONE}) breaks kept ones.
 *
 * <pre>{@code
 * SplitAnalysis analysis = SplitAnalyzer.analyze(CheckRequest.of(deb, policy), true);
 * WhatIf whatIf = new WhatIf(analysis);
 * WhatIfOutcome o = whatIf.evaluate(List.of(new Selector("kernel/sound")), "modules-core", null);
 * WhatIfOutcome dropped = whatIf.evaluate(List.of(new Selector("kernel/sound")), "modules-core", WhatIf.NONE);
 * }</pre>
 */
public final class WhatIf {
  /** The {@code to} that drops the modules from every package. */
  public static final String NONE = "none";

  private final SplitAnalysis analysis;
  private final DependencyGraph graph;
  private final PackageOrder order;
  private final ModuleFiles files;
  private final Map<String, ModuleRef> refs = new HashMap<>();
  private final Map<String, Double> ratios = new HashMap<>();
  private final List<String> paths;

  public WhatIf(SplitAnalysis analysis) {
    this.analysis = analysis;
    this.graph = analysis.depmod().graph();
    this.order = new PackageOrder(analysis.split().packages(), analysis.policy());
    this.files = new ModuleFiles(analysis.sizes());
    for (Module m : graph.modules()) {
      refs.put(m.path(), new ModuleRef(m.path(), m.name(), m.modinfo().values("alias")));
    }
    for (PackageSizes pkg : analysis.sizes().packages()) {
      ratios.put(pkg.name(), CompressedFigures.ratio(pkg));
    }
    this.paths = List.copyOf(analysis.split().placements().keySet());
  }

  public SplitAnalysis analysis() {
    return analysis;
  }

  /**
   * Moves the modules of {@code from} that {@code drops} select, and those only they need.
   *
   * @param to the receiving package, {@link #NONE} to drop them, or null for the nearest package
   *     that depends on {@code from}
   */
  public WhatIfOutcome evaluate(List<Selector> drops, String from, String to) {
    order.require(from, "--from");
    Optional<String> target = target(from, to);
    List<String> selected = select(drops, from);
    if (selected.isEmpty()) {
      throw new UsageException("the selectors " + drops.stream().map(Selector::text).toList()
          + " select no module of " + from);
    }
    Set<String> moved = moving(selected, from, target);
    List<HeldBack> held = heldBack(selected, moved, from, target);
    List<SizeChange> changes = new ArrayList<>();
    for (String pkg : analysis.split().packages()) {
      changes.add(change(pkg, from, target, moved));
    }
    return new WhatIfOutcome(from, target, selected, held, moved.stream().sorted().toList(), changes,
        breaks(moved, target), refusals(moved, target));
  }

  /** The selected modules that do not move, each with a module that stays where it cannot see them. */
  private List<HeldBack> heldBack(List<String> selected, Set<String> moved, String from, Optional<String> target) {
    Set<String> chosen = Set.copyOf(selected);
    List<HeldBack> held = new ArrayList<>();
    for (String path : selected) {
      if (!moved.contains(path)) {
        // the graph's dependents are transitive: name a module that stays of itself if there is one
        List<Module> staying = graph.dependents(graph.module(path)).stream()
            .filter(u -> !moved.contains(u.path()) && !reaches(pkgOf(u.path()), from, target.orElseThrow()))
            .toList();
        Module user = staying.stream().filter(u -> !chosen.contains(u.path())).findFirst().orElse(staying.get(0));
        held.add(new HeldBack(path, user.path(), pkgOf(user.path())));
      }
    }
    return held;
  }

  /** True when a module staying in {@code userPkg} still sees what moves from {@code from} to {@code target}. */
  private boolean reaches(String userPkg, String from, String target) {
    return !userPkg.equals(from) && order.sees(userPkg, target);
  }

  /** The modules of {@code from} that any of {@code drops} selects, in modules.dep order. */
  List<String> select(List<Selector> drops, String from) {
    Set<String> chosen = new LinkedHashSet<>();
    for (Selector drop : drops) {
      Selector.Kind kind = drop.kind(analysis.policy().rules(), paths);
      for (Placement p : analysis.split().placements().values()) {
        if (p.pkg().equals(from) && drop.selects(p, refs.get(p.module()), kind)) {
          chosen.add(p.module());
        }
      }
    }
    return List.copyOf(chosen);
  }

  private Optional<String> target(String from, String to) {
    if (NONE.equals(to)) {
      return Optional.empty();
    }
    if (to == null) {
      return Optional.of(order.nearestAbove(from).orElseThrow(() ->
          new UsageException("no package depends on " + from + "; name one with --to")));
    }
    order.require(to, "--to");
    if (to.equals(from)) {
      throw new UsageException("--to must differ from --from: " + to);
    }
    return Optional.of(to);
  }

  /**
   * What leaves: the largest set of {@code selected} and the modules of {@code from} they need
   * (transitively) in which every module is needed only by modules of the set or by modules that
   * still see the receiving package. Found by starting from all of them and taking out, until
   * nothing changes, every module that something staying needs; so a selected module a staying
   * one needs is held back, with what only it needed, and a module that only leaving ones need
   * leaves even when one of those was reached only through another. Dropping ({@code target}
   * empty) takes every selected module out regardless; {@link #breaks} lists what that breaks.
   */
  private Set<String> moving(List<String> selected, String from, Optional<String> target) {
    Set<String> moved = new LinkedHashSet<>(selected);
    for (String path : selected) {
      for (Module dep : graph.dependencies(graph.module(path))) {
        if (pkgOf(dep.path()).equals(from)) {
          moved.add(dep.path());
        }
      }
    }
    Set<String> pinned = target.isEmpty() ? Set.copyOf(selected) : Set.of();
    boolean shrank = true;
    while (shrank) {
      shrank = false;
      for (Iterator<String> it = moved.iterator(); it.hasNext(); ) {
        String path = it.next();
        if (!pinned.contains(path) && !onlyMovedNeed(path, from, moved, target)) {
          it.remove();
          shrank = true;
        }
      }
    }
    return moved;
  }

  /** True when every module that needs {@code path} leaves with it or still sees where it goes. */
  private boolean onlyMovedNeed(String path, String from, Set<String> moved, Optional<String> target) {
    for (Module user : graph.dependents(graph.module(path))) {
      boolean reachable = target.isPresent() && reaches(pkgOf(user.path()), from, target.get());
      if (!moved.contains(user.path()) && !reachable) {
        return false;
      }
    }
    return true;
  }

  private List<Breakage> breaks(Set<String> moved, Optional<String> target) {
    List<Breakage> breaks = new ArrayList<>();
    for (String path : inOrder(moved)) {
      for (Module user : graph.dependents(graph.module(path))) {
        String userPkg = pkgOf(user.path());
        if (!moved.contains(user.path()) && (target.isEmpty() || !order.sees(userPkg, target.get()))) {
          breaks.add(new Breakage(user.path(), userPkg, path));
        }
      }
    }
    return breaks;
  }

  /** The moved modules a requirement wants in a package that cannot see {@code target}. */
  private List<Refusal> refusals(Set<String> moved, Optional<String> target) {
    return inOrder(moved).stream().flatMap(path -> analysis.policy().requirements().stream()
            .filter(r -> r.matcher().matches(refs.get(path)))
            .filter(r -> target.isEmpty() || !order.sees(r.pkg(), target.get()))
            .map(r -> new Refusal(path, r)))
        .toList();
  }

  private List<String> inOrder(Set<String> moved) {
    return paths.stream().filter(moved::contains).toList();
  }

  private SizeChange change(String pkg, String from, Optional<String> target, Set<String> moved) {
    Map<Measure, Long> before = analysis.sizes().find(pkg).map(PackageSizes::measures).orElse(Map.of());
    Map<Measure, Long> delta = new EnumMap<>(Measure.class);
    Map<Measure, Long> bound = new EnumMap<>(Measure.class);
    int sign = pkg.equals(from) ? -1 : target.filter(pkg::equals).isPresent() ? 1 : 0;
    if (sign != 0) {
      long count = 0;
      long installed = 0;
      long kib = 0;
      long disk = 0;
      long figures = 0;
      Set<String> folders = new HashSet<>();
      for (String path : moved) {
        Optional<FileSizes> file = files.of(path);
        if (file.isPresent()) {
          count++;
          installed += file.get().installed();
          kib += file.get().installedKib();
          disk += file.get().disk();
          figures += CompressedFigures.figure(file.get());
          folders.add(path.substring(0, Math.max(0, path.lastIndexOf('/'))));
        }
      }
      double ratio = ratios.getOrDefault(pkg, 1.0);
      delta.put(Measure.FILES, sign * count);
      delta.put(Measure.INSTALLED, sign * installed);
      delta.put(Measure.INSTALLED_KIB, sign * kib);
      delta.put(Measure.DISK, sign * disk);
      delta.put(Measure.COMPRESSED, sign * Math.round(figures * ratio));
      // a folder the move empties or creates is one more or less directory entry
      bound.put(Measure.INSTALLED_KIB, (long) folders.size());
      bound.put(Measure.DISK, (long) folders.size() * blockSize(pkg));
      bound.put(Measure.COMPRESSED, CompressedFigures.bound(figures, ratio, count + folders.size()));
    }
    return new SizeChange(pkg, before, delta, bound);
  }

  /** The disk measure's block: the smallest power of two every file's disk figure is a multiple of. */
  private long blockSize(String pkg) {
    return analysis.sizes().find(pkg).flatMap(p -> p.files().stream().filter(f -> f.disk() > 0)
        .map(f -> Long.lowestOneBit(f.disk())).min(Long::compare)).orElse(4096L);
  }

  private String pkgOf(String path) {
    return analysis.split().packageOf(path);
  }
}

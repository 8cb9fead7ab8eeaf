package org.kslim.history;

import java.util.List;
import java.util.Objects;

/**
 * What changed from one build to another, sorted by impact as bloat-o-meter sorts: per package,
 * per subsystem and per module, every measure, and the rules whose reasons changed.
 *
 * <pre>{@code
 * BuildDiff diff = BuildDiff.between(store.load(3), Builds.of(analysis, deb, policyText, Instant.now()));
 * diff.modules().stream().filter(m -> m.kind() == ModuleChange.Kind.ADDED).count();
 * }</pre>
 *
 * @param packages paired packages, in the new build's order, then those only the old has
 * @param subsystems folders whose modules changed, largest installed change (either way) first
 * @param modules changed modules, largest installed change (either way) first, then by path
 * @param moves modules in both builds whose package changed (names paired as packages are)
 * @param reasons rules whose reason changed, in the new policy's order, then removed rules
 */
public record BuildDiff(BuildInfo oldBuild, BuildInfo newBuild, List<PackageChange> packages,
    List<SubsystemChange> subsystems, List<ModuleChange> modules, List<ModuleChange> moves,
    List<ReasonChange> reasons) {
  public BuildDiff {
    Objects.requireNonNull(oldBuild, "oldBuild");
    Objects.requireNonNull(newBuild, "newBuild");
    packages = List.copyOf(packages);
    subsystems = List.copyOf(subsystems);
    modules = List.copyOf(modules);
    moves = List.copyOf(moves);
    reasons = List.copyOf(reasons);
  }

  /** The changes from {@code older} to {@code newer}. */
  public static BuildDiff between(Build older, Build newer) {
    return BuildDiffer.diff(older, newer);
  }

  /** The changed modules of kind {@code kind}. */
  public List<ModuleChange> modules(ModuleChange.Kind kind) {
    return modules.stream().filter(m -> m.kind() == kind).toList();
  }
}

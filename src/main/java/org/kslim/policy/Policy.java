package org.kslim.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.kslim.size.Measure;

/**
 * A split policy as read from its YAML file: packages, rules in file order, requirements,
 * budgets, waivers, compression and approved moves.
 *
 * <pre>{@code
 * Policy policy = PolicyReader.read(Path.of("policies/cloud.yaml"));
 * policy.activePackages(Set.of());                              // modules-core, modules, modules-extra
 * policy.budget("modules-core", Measure.INSTALLED);             // e.g. OptionalLong[62914560] for 60MiB
 * policy.warnings();                                            // e.g. the Fedora-format notice
 * }</pre>
 *
 * @param source the file name used in messages
 * @param image the package that takes the kernel image and other non-module files; empty: core
 * @param budgets per package, per measure, the limit in the measure's unit (bytes; KiB for
 *     {@code installed-kib}; a count for {@code files})
 * @param compression output format and compression; empty when the policy names none
 * @param creepLimits how much packages may grow per release and over windows of releases
 * @param warnings what the reader accepted but wants a user to know
 * @param naming how written packages are named; empty: kslim's default
 */
public record Policy(
    String source,
    PolicyFormat format,
    List<PackageDecl> packages,
    List<Rule> rules,
    Optional<String> image,
    List<Requirement> requirements,
    Map<String, Map<Measure, Long>> budgets,
    List<Waiver> waivers,
    Optional<CompressionPolicy> compression,
    List<ApprovedMove> approvedMoves,
    List<String> warnings,
    List<CreepLimit> creepLimits,
    Optional<PackageNaming> naming) {
  public Policy {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    packages = List.copyOf(packages);
    rules = List.copyOf(rules);
    Objects.requireNonNull(image, "image");
    requirements = List.copyOf(requirements);
    Map<String, Map<Measure, Long>> frozen = new LinkedHashMap<>();
    budgets.forEach((pkg, limits) -> frozen.put(pkg, Collections.unmodifiableMap(new EnumMap<>(limits))));
    budgets = Collections.unmodifiableMap(frozen);
    waivers = List.copyOf(waivers);
    Objects.requireNonNull(compression, "compression");
    approvedMoves = List.copyOf(approvedMoves);
    warnings = List.copyOf(warnings);
    creepLimits = List.copyOf(creepLimits);
    Objects.requireNonNull(naming, "naming");
  }

  /** A policy without creep limits or a {@code naming:} section. */
  public Policy(String source, PolicyFormat format, List<PackageDecl> packages, List<Rule> rules,
      Optional<String> image, List<Requirement> requirements, Map<String, Map<Measure, Long>> budgets,
      List<Waiver> waivers, Optional<CompressionPolicy> compression, List<ApprovedMove> approvedMoves,
      List<String> warnings) {
    this(source, format, packages, rules, image, requirements, budgets, waivers, compression, approvedMoves,
        warnings, List.of(), Optional.empty());
  }

  /** The declared package called {@code name}. */
  public Optional<PackageDecl> packageNamed(String name) {
    return packages.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The packages active for {@code variants}, in declaration order. */
  public List<PackageDecl> activePackages(Set<String> variants) {
    return packages.stream().filter(p -> p.ifVariantIn().active(variants)).toList();
  }

  /** The rules active for {@code variants}, in file order. */
  public List<Rule> activeRules(Set<String> variants) {
    return rules.stream().filter(r -> r.ifVariantIn().active(variants)).toList();
  }

  /** The limit on {@code measure} for {@code pkg}, when the policy sets one. */
  public OptionalLong budget(String pkg, Measure measure) {
    Long limit = budgets.getOrDefault(pkg, Map.of()).get(measure);
    return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
  }
}

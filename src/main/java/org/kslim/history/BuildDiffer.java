package org.kslim.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kslim.inspect.SubsystemTotal;
import org.kslim.size.Measure;

/** Computes a {@link BuildDiff}. */
final class BuildDiffer {
  private static final Comparator<ModuleChange> BY_IMPACT =
      Comparator.comparingLong((ModuleChange m) -> -Math.abs(m.impact())).thenComparing(ModuleChange::path);

  private BuildDiffer() {}

  static BuildDiff diff(Build older, Build newer) {
    List<ModuleChange> all = moduleChanges(older, newer);
    List<ModuleChange> changed = all.stream()
        .filter(m -> m.kind() != ModuleChange.Kind.CHANGED || sizeChanged(m)).sorted(BY_IMPACT).toList();
    List<ModuleChange> moves = all.stream()
        .filter(m -> !m.oldPkg().isEmpty() && !m.newPkg().isEmpty())
        .filter(m -> !Flavour.pairingKey(m.oldPkg()).equals(Flavour.pairingKey(m.newPkg())))
        .sorted(BY_IMPACT).toList();
    return new BuildDiff(older.info(), newer.info(), packages(older, newer), subsystems(all), changed, moves,
        reasons(older, newer));
  }

  private static boolean sizeChanged(ModuleChange m) {
    return m.sizes().values().stream().anyMatch(s -> s.delta() != 0);
  }

  private static List<ModuleChange> moduleChanges(Build older, Build newer) {
    Map<String, ModuleRecord> before = older.modules().stream()
        .collect(Collectors.toMap(ModuleRecord::path, Function.identity()));
    Map<String, ModuleRecord> after = newer.modules().stream()
        .collect(Collectors.toMap(ModuleRecord::path, Function.identity()));
    Set<String> paths = new LinkedHashSet<>(before.keySet());
    paths.addAll(after.keySet());
    List<ModuleChange> changes = new ArrayList<>();
    for (String path : paths) {
      Optional<ModuleRecord> old = Optional.ofNullable(before.get(path));
      Optional<ModuleRecord> now = Optional.ofNullable(after.get(path));
      Map<ModuleMeasure, SizeChange> sizes = new EnumMap<>(ModuleMeasure.class);
      for (ModuleMeasure measure : ModuleMeasure.values()) {
        sizes.put(measure, new SizeChange(old.map(m -> m.size(measure)).orElse(0L), now.map(m -> m.size(measure)).orElse(0L)));
      }
      changes.add(new ModuleChange(path, kind(old, now, sizes.get(ModuleMeasure.INSTALLED)),
          old.map(ModuleRecord::pkg).orElse(""), now.map(ModuleRecord::pkg).orElse(""), sizes));
    }
    return changes;
  }

  private static ModuleChange.Kind kind(Optional<ModuleRecord> old, Optional<ModuleRecord> now, SizeChange installed) {
    if (old.isEmpty()) {
      return ModuleChange.Kind.ADDED;
    }
    if (now.isEmpty()) {
      return ModuleChange.Kind.REMOVED;
    }
    if (installed.delta() == 0) {
      return ModuleChange.Kind.CHANGED;
    }
    return installed.delta() > 0 ? ModuleChange.Kind.GROWN : ModuleChange.Kind.SHRUNK;
  }

  private static List<PackageChange> packages(Build older, Build newer) {
    Map<String, PackageTotal> before = new LinkedHashMap<>();
    older.packages().forEach(p -> before.put(Flavour.pairingKey(p.pkg()), p));
    Map<String, PackageTotal> after = new LinkedHashMap<>();
    newer.packages().forEach(p -> after.put(Flavour.pairingKey(p.pkg()), p));
    Set<String> keys = new LinkedHashSet<>(after.keySet());
    keys.addAll(before.keySet());
    List<PackageChange> changes = new ArrayList<>();
    for (String key : keys) {
      Optional<PackageTotal> old = Optional.ofNullable(before.get(key));
      Optional<PackageTotal> now = Optional.ofNullable(after.get(key));
      Map<Measure, SizeChange> sizes = new EnumMap<>(Measure.class);
      for (Measure measure : Measure.values()) {
        sizes.put(measure, new SizeChange(old.map(p -> p.size(measure)).orElse(0L), now.map(p -> p.size(measure)).orElse(0L)));
      }
      changes.add(new PackageChange(key, old.map(PackageTotal::pkg).orElse(""), now.map(PackageTotal::pkg).orElse(""), sizes));
    }
    return changes;
  }

  private static List<SubsystemChange> subsystems(List<ModuleChange> modules) {
    Map<String, List<ModuleChange>> byDirectory = new TreeMap<>();
    for (ModuleChange m : modules) {
      byDirectory.computeIfAbsent(SubsystemTotal.directoryOf(m.path()), k -> new ArrayList<>()).add(m);
    }
    List<SubsystemChange> changes = new ArrayList<>();
    byDirectory.forEach((directory, members) -> {
      Map<ModuleMeasure, SizeChange> sizes = new EnumMap<>(ModuleMeasure.class);
      for (ModuleMeasure measure : ModuleMeasure.values()) {
        sizes.put(measure, new SizeChange(members.stream().mapToLong(m -> m.sizes().get(measure).before()).sum(),
            members.stream().mapToLong(m -> m.sizes().get(measure).after()).sum()));
      }
      int added = (int) members.stream().filter(m -> m.kind() == ModuleChange.Kind.ADDED).count();
      int removed = (int) members.stream().filter(m -> m.kind() == ModuleChange.Kind.REMOVED).count();
      SubsystemChange change = new SubsystemChange(directory, added, removed, sizes);
      if (added + removed > 0 || sizes.values().stream().anyMatch(s -> s.delta() != 0)) {
        changes.add(change);
      }
    });
    changes.sort(Comparator.comparingLong((SubsystemChange s) -> -Math.abs(s.impact())).thenComparing(SubsystemChange::directory));
    return changes;
  }

  private static List<ReasonChange> reasons(Build older, Build newer) {
    Map<String, RuleReason> before = new LinkedHashMap<>();
    older.rules().forEach(r -> before.putIfAbsent(r.rule(), r));
    Map<String, RuleReason> after = new LinkedHashMap<>();
    newer.rules().forEach(r -> after.putIfAbsent(r.rule(), r));
    List<ReasonChange> changes = new ArrayList<>();
    after.forEach((rule, now) -> {
      Optional<String> old = Optional.ofNullable(before.get(rule)).map(RuleReason::reason);
      if (!old.equals(Optional.of(now.reason()))) {
        changes.add(new ReasonChange(rule, now.pkg(), old, Optional.of(now.reason())));
      }
    });
    before.forEach((rule, old) -> {
      if (!after.containsKey(rule)) {
        changes.add(new ReasonChange(rule, old.pkg(), Optional.of(old.reason()), Optional.empty()));
      }
    });
    return changes;
  }
}

package org.kslim.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kslim.kmod.ModInfo;
import org.kslim.kmod.Module;
import org.kslim.kmod.ModuleSet;
import org.kslim.split.Split;

/**
 * Finds, for a kernel and its split, the modules (or built-ins) that bind a device's modalias
 * (the {@code alias} fields, as modules.alias and modules.builtin.alias hold them) or that carry
 * a name, each with its package.
 *
 * <pre>{@code
 * ModuleLookup lookup = ModuleLookup.of(placement.modules(), placement.split());
 * lookup.byModalias("virtio:d00000001v00001AF4");   // [virtio_net in modules-core]
 * lookup.byName("ext4");
 * }</pre>
 */
public final class ModuleLookup {
  private record Alias(AliasPattern pattern, Binder binder) {}

  private final List<Alias> aliases;
  private final Map<String, Binder> byName;

  private ModuleLookup(List<Alias> aliases, Map<String, Binder> byName) {
    this.aliases = List.copyOf(aliases);
    this.byName = Map.copyOf(byName);
  }

  public static ModuleLookup of(ModuleSet modules, Split split) {
    List<Alias> aliases = new ArrayList<>();
    Map<String, Binder> byName = new LinkedHashMap<>();
    for (Module module : modules.modules()) {
      if (!split.placements().containsKey(module.path())) {
        continue;
      }
      Binder binder = new Binder(module.name(), module.path(), split.packageOf(module.path()));
      byName.putIfAbsent(module.name(), binder);
      addAliases(aliases, module.modinfo(), binder);
    }
    for (String line : modules.modulesBuiltin()) {
      String name = builtinName(line);
      byName.putIfAbsent(name, Binder.builtin(name));
    }
    for (Map.Entry<String, ModInfo> builtin : modules.builtinModinfo().entrySet()) {
      Binder binder = Binder.builtin(builtin.getKey());
      byName.putIfAbsent(builtin.getKey(), binder);
      addAliases(aliases, builtin.getValue(), binder);
    }
    return new ModuleLookup(aliases, byName);
  }

  private static void addAliases(List<Alias> aliases, ModInfo modinfo, Binder binder) {
    for (String alias : modinfo.values("alias")) {
      aliases.add(new Alias(new AliasPattern(alias), binder));
    }
  }

  /** {@code kernel/fs/ext4/ext4.ko} to {@code ext4}, as kmod names modules. */
  private static String builtinName(String line) {
    String file = line.substring(line.lastIndexOf('/') + 1);
    int dot = file.indexOf(".ko");
    return (dot < 0 ? file : file.substring(0, dot)).replace('-', '_');
  }

  /** Every module and built-in whose alias matches {@code modalias}, each once, in index order. */
  public List<Binder> byModalias(String modalias) {
    List<Binder> found = new ArrayList<>();
    for (Alias alias : aliases) {
      if (!found.contains(alias.binder()) && alias.pattern().matches(modalias)) {
        found.add(alias.binder());
      }
    }
    return found;
  }

  /** The module or built-in named {@code name} ({@code -} and {@code _} alike), as a list of at most one. */
  public List<Binder> byName(String name) {
    Binder binder = byName.get(name.replace('-', '_'));
    return binder == null ? List.of() : List.of(binder);
  }
}

package org.kslim.split;

import java.util.List;
import org.kslim.kmod.ModInfo;
import org.kslim.kmod.ModuleParser;
import org.kslim.kmod.ModuleSet;
import org.kslim.policy.ModuleRef;

/**
 * The modules built into a kernel image ({@code modules.builtin}, aliases from
 * {@code modules.builtin.modinfo}), as requirements see them: always present, in no package.
 *
 * <pre>{@code
 * ModuleSet set = new ModuleSetReader().read(PackageReader.open(deb));
 * Split split = Splitter.split(graph, policy, Set.of(), BuiltinModules.of(set));
 * }</pre>
 */
public final class BuiltinModules {
  private BuiltinModules() {}

  /** The built-in modules of {@code set}, in modules.builtin order. */
  public static List<ModuleRef> of(ModuleSet set) {
    return set.modulesBuiltin().stream().map(path -> {
      String name = ModuleParser.moduleName(path);
      return new ModuleRef(path, name, set.builtinModinfo().getOrDefault(name, ModInfo.EMPTY).values("alias"));
    }).toList();
  }
}

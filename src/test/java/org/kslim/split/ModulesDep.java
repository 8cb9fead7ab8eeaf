package org.kslim.split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kslim.kmod.DependencyGraph;
import org.kslim.kmod.ModInfo;
import org.kslim.kmod.Module;
import org.kslim.kmod.ModuleParser;

/**
 * Test-only: a dependency graph from kmod's {@code modules.dep} text (and aliases from
 * {@code modules.alias}), standing in for the graph kslim computes from the ELF files.
 */
final class ModulesDep {
  private ModulesDep() {}

  /** The graph of the reference folder holding modules.dep and modules.alias. */
  static DependencyGraph read(Path folder) throws IOException {
    Map<String, List<ModInfo.Field>> aliases = new HashMap<>();
    for (String line : Files.readAllLines(folder.resolve("modules.alias"))) {
      String[] words = line.split(" ");
      if (words.length == 3 && words[0].equals("alias")) {
        aliases.computeIfAbsent(words[2], n -> new ArrayList<>()).add(new ModInfo.Field("alias", words[1]));
      }
    }
    return parse(Files.readString(folder.resolve("modules.dep")), aliases);
  }

  /** The graph of {@code text} in modules.dep syntax; {@code aliases} by module name. */
  static DependencyGraph parse(String text, Map<String, List<ModInfo.Field>> aliases) {
    List<Module> modules = new ArrayList<>();
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String path = line.substring(0, colon).trim();
      String rest = line.substring(colon + 1).trim();
      String name = ModuleParser.moduleName(path);
      modules.add(new Module(path, name, 0, 0, new ModInfo(aliases.getOrDefault(name, List.of())), List.of(), List.of()));
      dependencies.put(path, rest.isEmpty() ? List.of() : List.of(rest.split(" ")));
    }
    return new DependencyGraph(modules, dependencies);
  }
}

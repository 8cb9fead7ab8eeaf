package org.kslim.kmod;

import java.util.ArrayList;
import java.util.List;

/** Module values for tests, named from their path the way kmod names them. */
final class Modules {
  private Modules() {}

  /** A module at {@code path} exporting {@code exports} (no CRCs) and needing {@code needs} (strong, no CRCs). */
  static Module module(String path, List<String> exports, List<String> needs) {
    return module(path, ModInfo.EMPTY, symbols(exports), symbols(needs));
  }

  static Module module(String path, ModInfo modinfo, List<ModuleSymbol> exports, List<ModuleSymbol> needs) {
    return new Module(path, nameOf(path), 100, 100, modinfo, exports, needs);
  }

  static Module withModinfo(String path, String... keyValues) {
    List<ModInfo.Field> fields = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.add(new ModInfo.Field(keyValues[i], keyValues[i + 1]));
    }
    return module(path, new ModInfo(fields), List.of(), List.of());
  }

  static List<ModuleSymbol> symbols(List<String> names) {
    List<ModuleSymbol> symbols = new ArrayList<>();
    for (String name : names) {
      symbols.add(new ModuleSymbol(name, 0, false, false));
    }
    return symbols;
  }

  static String nameOf(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.substring(0, file.indexOf('.')).replace('-', '_');
  }
}

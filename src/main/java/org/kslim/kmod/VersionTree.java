package org.kslim.kmod;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.kslim.BadInputException;
import org.kslim.source.Entry;

/** What one {@code lib/modules/VER} folder of a package holds, gathered while the package streams. */
final class VersionTree {
  private final String root;
  private final List<Future<ModuleOutcome>> modules = new ArrayList<>();
  private List<String> order = List.of();
  private List<String> builtin = List.of();
  private Map<String, ModInfo> builtinModinfo = Map.of();
  private Entry image;

  VersionTree(String root) {
    this.root = root;
  }

  String root() {
    return root;
  }

  List<Future<ModuleOutcome>> modules() {
    return modules;
  }

  List<String> order() {
    return order;
  }

  List<String> builtin() {
    return builtin;
  }

  Map<String, ModInfo> builtinModinfo() {
    return builtinModinfo;
  }

  Entry image() {
    return image;
  }

  /** Takes in a file of the tree that is not a module: the module lists and the image. */
  void packageFile(String relative, Entry entry, InputStream content, String location, long limit) throws IOException {
    switch (relative) {
      case "modules.order" -> order = lines(EntryBytes.read(content, location, limit));
      case "modules.builtin" -> builtin = lines(EntryBytes.read(content, location, limit));
      case "modules.builtin.modinfo" -> builtinModinfo = builtinModinfo(EntryBytes.read(content, location, limit), location);
      case "vmlinuz" -> image = entry;
      default -> { }
    }
  }

  private static List<String> lines(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
  }

  /** {@code modules.builtin.modinfo}: NUL-separated {@code module.key=value} strings. */
  private static Map<String, ModInfo> builtinModinfo(byte[] bytes, String location) {
    Map<String, List<ModInfo.Field>> fields = new LinkedHashMap<>();
    for (String string : ModuleStrings.split(ByteBuffer.wrap(bytes))) {
      int dot = string.indexOf('.');
      if (dot <= 0) {
        throw new BadInputException(location + ": string without a module name: " + string);
      }
      fields.computeIfAbsent(string.substring(0, dot), m -> new ArrayList<>()).add(ModuleStrings.field(string.substring(dot + 1)));
    }
    Map<String, ModInfo> infos = new LinkedHashMap<>();
    fields.forEach((module, list) -> infos.put(module, new ModInfo(list)));
    return infos;
  }

  /** A parsed module, or the problem that kept it from being parsed, or nothing after a failure. */
  record ModuleOutcome(ModuleFile file, ModuleProblem problem) {}
}

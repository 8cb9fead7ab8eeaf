package org.kslim.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code packages:} section: names, depends-on (declared, without cycles), variants. */
final class PackageReader {
  private static final Pattern PACKAGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
  private static final Set<String> PACKAGE_KEYS = Set.of("name", "depends-on", "if_variant_in");

  private final PolicySyntax syntax;

  PackageReader(PolicySyntax syntax) {
    this.syntax = syntax;
  }

  List<PackageDecl> packages(YamlNode section) {
    Map<String, PackageDecl> packages = new LinkedHashMap<>();
    for (YamlNode item : syntax.sequence(section, "packages")) {
      YamlNode.Mapping entry = syntax.mapping(item, "a package");
      syntax.onlyKeys(entry, PACKAGE_KEYS, "a package");
      String name = syntax.required(entry, "name", "a package");
      if (!PACKAGE_NAME.matcher(name).matches()) {
        throw syntax.error(entry.line(), "package name must be letters, digits and . _ + - (starting with a letter "
            + "or digit), as rpm and deb names are: " + name);
      }
      List<String> dependsOn = List.copyOf(entry.get("depends-on")
          .map(node -> syntax.texts(node, "depends-on")).orElse(Set.of()));
      VariantCondition variants = new VariantCondition(entry.get("if_variant_in")
          .map(node -> syntax.texts(node, "if_variant_in")));
      if (packages.put(name, new PackageDecl(name, dependsOn, variants, syntax.at(entry.line()))) != null) {
        throw syntax.error(entry.line(), "package '" + name + "' declared twice");
      }
    }
    if (packages.isEmpty()) {
      throw syntax.error(section.line(), "a policy declares at least one package");
    }
    for (PackageDecl pkg : packages.values()) {
      for (String dependency : pkg.dependsOn()) {
        syntax.checkDeclared(packages.keySet(), dependency, pkg.where().line());
      }
    }
    checkAcyclic(packages);
    return List.copyOf(packages.values());
  }

  private void checkAcyclic(Map<String, PackageDecl> packages) {
    Map<String, Boolean> finished = new HashMap<>();
    for (String name : packages.keySet()) {
      visit(name, packages, finished, new ArrayList<>());
    }
  }

  private void visit(String name, Map<String, PackageDecl> packages, Map<String, Boolean> finished, List<String> path) {
    if (Boolean.TRUE.equals(finished.get(name))) {
      return;
    }
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw syntax.error(packages.get(name).where().line(), "depends-on cycle between packages: "
          + String.join(" -> ", cycle));
    }
    path.add(name);
    for (String dependency : packages.get(name).dependsOn()) {
      visit(dependency, packages, finished, path);
    }
    path.remove(path.size() - 1);
    finished.put(name, true);
  }

}

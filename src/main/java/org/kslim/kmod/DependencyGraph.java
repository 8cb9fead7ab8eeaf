package org.kslim.kmod;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Modules and what each needs, transitively, in the order kmod's depmod writes
 * {@code modules.dep}.
 *
 * <pre>{@code
 * DependencyGraph graph = new DependencyGraph(modules, Map.of(
 *     "kernel/drivers/block/virtio_blk.ko", List.of("kernel/drivers/virtio/virtio_ring.ko")));
 * graph.dependencies(graph.module("kernel/drivers/block/virtio_blk.ko"));
 * graph.dependents(graph.module("kernel/drivers/virtio/virtio_ring.ko"));
 * }</pre>
 */
public final class DependencyGraph {
  private final List<Module> modules;
  private final Map<String, Module> byPath;
  private final Map<String, List<Module>> dependencies;
  private final Map<String, List<Module>> dependents;

  /**
   * @param modules every module, in modules.dep order
   * @param dependencies for each module path, the paths of all modules it needs (transitively),
   *     in modules.dep order; a module without an entry needs nothing
   */
  public DependencyGraph(List<Module> modules, Map<String, List<String>> dependencies) {
    this.modules = List.copyOf(modules);
    Map<String, Module> paths = new LinkedHashMap<>();
    for (Module module : this.modules) {
      if (paths.put(module.path(), module) != null) {
        throw new IllegalArgumentException("module path listed twice: " + module.path());
      }
    }
    this.byPath = Collections.unmodifiableMap(paths);
    for (String path : dependencies.keySet()) {
      requireModule(path);
    }
    Map<String, List<Module>> deps = new HashMap<>();
    Map<String, List<Module>> users = new HashMap<>();
    for (Module user : this.modules) {
      List<Module> needed = new ArrayList<>();
      for (String path : dependencies.getOrDefault(user.path(), List.of())) {
        needed.add(requireModule(path));
        users.computeIfAbsent(path, p -> new ArrayList<>()).add(user);
      }
      deps.put(user.path(), List.copyOf(needed));
    }
    this.dependencies = deps;
    Map<String, List<Module>> frozen = new HashMap<>();
    users.forEach((path, list) -> frozen.put(path, List.copyOf(list)));
    this.dependents = frozen;
  }

  /** Every module, in modules.dep order. */
  public List<Module> modules() {
    return modules;
  }

  /** The module at {@code path} (relative to lib/modules/VER). */
  public Module module(String path) {
    return requireModule(path);
  }

  public boolean contains(String path) {
    return byPath.containsKey(path);
  }

  /** All modules {@code module} needs, transitively, in modules.dep order. */
  public List<Module> dependencies(Module module) {
    return dependencies.getOrDefault(requireModule(module.path()).path(), List.of());
  }

  /** All modules that need {@code module}, transitively, in modules.dep order of the users. */
  public List<Module> dependents(Module module) {
    return dependents.getOrDefault(requireModule(module.path()).path(), List.of());
  }

  private Module requireModule(String path) {
    Module module = byPath.get(path);
    if (module == null) {
      throw new IllegalArgumentException("no module at path: " + path);
    }
    return module;
  }
}

package org.kslim.split;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kslim.BadInputException;

/**
 * Every module of a kernel placed in exactly one package of a policy, with the moves
 * dependencies forced and the ways the result breaks the policy.
 *
 * <pre>{@code
 * Split split = Splitter.split(graph, policy, Set.of());
 * split.packageOf("kernel/drivers/block/virtio_blk.ko");        // "modules-core"
 * split.modules("modules-extra");                               // sorted paths
 * split.packageOfEntry("boot/vmlinuz-6.1.0-56-cloud-amd64");    // the image package
 * split.explain("kernel/fs/dlm/dlm.ko").move();                 // why it is not where its rule wants
 * }</pre>
 *
 * @param packages the active packages, in declaration order
 * @param core the package that depends on no other
 * @param image the package that takes the kernel image and every other non-module file
 * @param placements every module by its modules.dep path, in modules.dep order
 * @param moves the moved modules, in modules.dep order
 * @param violations what breaks the policy (requirements, unapproved moves into core)
 * @param warnings moves elsewhere, approvals no move needs, ambiguities
 */
public record Split(
    List<String> packages,
    String core,
    String image,
    Map<String, Placement> placements,
    List<Move> moves,
    List<Violation> violations,
    List<String> warnings) {
  public Split {
    packages = List.copyOf(packages);
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(image, "image");
    placements = Collections.unmodifiableMap(new LinkedHashMap<>(placements));
    moves = List.copyOf(moves);
    violations = List.copyOf(violations);
    warnings = List.copyOf(warnings);
  }

  /** The package of the module at {@code modulePath} (relative to lib/modules/VER). */
  public String packageOf(String modulePath) {
    return explain(modulePath).pkg();
  }

  /** The module paths in {@code pkg}, sorted. */
  public List<String> modules(String pkg) {
    if (!packages.contains(pkg)) {
      throw new IllegalArgumentException("no active package " + pkg + " (active: " + packages + ")");
    }
    return placements.values().stream().filter(p -> p.pkg().equals(pkg)).map(Placement::module).sorted().toList();
  }

  /**
   * The package of any file of the kernel package, by its path in the package
   * ({@code lib/modules/VER/kernel/...ko}, {@code /usr/lib/modules/...}, {@code boot/vmlinuz-VER}):
   * a module's own package, else the image package.
   */
  public String packageOfEntry(String entryPath) {
    String path = entryPath.startsWith("./") ? entryPath.substring(2) : entryPath;
    path = path.startsWith("/") ? path.substring(1) : path;
    path = path.startsWith("usr/") ? path.substring(4) : path;
    if (path.startsWith("lib/modules/")) {
      String inVersion = path.substring("lib/modules/".length());
      Placement placement = placements.get(inVersion.substring(inVersion.indexOf('/') + 1));
      if (placement != null) {
        return placement.pkg();
      }
    }
    return image;
  }

  /** Where the module at {@code modulePath} sits and why; fails naming the path when there is none. */
  public Placement explain(String modulePath) {
    Placement placement = placements.get(modulePath);
    if (placement == null) {
      throw new BadInputException("no module at " + modulePath + " (paths are relative to lib/modules/VER, "
          + "e.g. kernel/drivers/block/virtio_blk.ko)");
    }
    return placement;
  }
}

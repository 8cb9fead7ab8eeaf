package org.kslim.boot;

import java.util.Objects;

/**
 * A module that binds a device or provides a filesystem or feature, and where it sits: the
 * package of the split, or {@link #BUILTIN} when it is part of the kernel image.
 *
 * <pre>{@code
 * Binder b = new Binder("virtio_net", "kernel/drivers/net/virtio_net.ko", "modules-core");
 * b.builtin();   // false
 * }</pre>
 *
 * @param module the module name ({@code _} spelling)
 * @param path the module's path relative to lib/modules/VER; empty for a built-in
 * @param pkg the package the module is in, or {@link #BUILTIN}
 */
public record Binder(String module, String path, String pkg) {
  public static final String BUILTIN = "builtin";

  public Binder {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(pkg, "pkg");
  }

  static Binder builtin(String module) {
    return new Binder(module, "", BUILTIN);
  }

  public boolean builtin() {
    return pkg.equals(BUILTIN);
  }
}

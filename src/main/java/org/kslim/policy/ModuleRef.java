package org.kslim.policy;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Matcher} sees of a module: its modules.dep path, its name and its aliases.
 *
 * <pre>{@code
 * ModuleRef ref = new ModuleRef("kernel/drivers/block/virtio_blk.ko", "virtio_blk",
 *     List.of("virtio:d00000002v*"));
 * }</pre>
 *
 * @param path relative to {@code lib/modules/VER}, compression suffix included
 * @param name the module name ({@code -} written as {@code _})
 * @param aliases the module's {@code alias} fields from modinfo
 */
public record ModuleRef(String path, String name, List<String> aliases) {
  public ModuleRef {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
  }
}

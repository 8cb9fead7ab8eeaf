package org.kslim.kmod;

import java.util.List;
import java.util.Objects;

/**
 * One kernel module of a package, parsed from its ELF file.
 *
 * <pre>{@code
 * Module m = ...; // from the module parser
 * m.path();        // "kernel/drivers/block/virtio_blk.ko.xz", relative to lib/modules/VER
 * m.name();        // "virtio_blk"
 * m.storedSize();  // bytes of the file as stored (compressed for .ko.xz)
 * m.size();        // bytes of the uncompressed ELF
 * }</pre>
 *
 * @param path path relative to {@code lib/modules/VER}, compression suffix included
 * @param name module name as kmod derives it: file name without {@code .ko*}, {@code -} as {@code _}
 * @param storedSize size of the file as stored in the package
 * @param size size of the uncompressed ELF
 * @param modinfo the {@code .modinfo} strings
 * @param exports exported symbols, in the order depmod reads them
 * @param undefined symbols the module needs, in symbol-table order
 */
public record Module(
    String path,
    String name,
    long storedSize,
    long size,
    ModInfo modinfo,
    List<ModuleSymbol> exports,
    List<ModuleSymbol> undefined) {
  public Module {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(modinfo, "modinfo");
    exports = List.copyOf(exports);
    undefined = List.copyOf(undefined);
  }
}

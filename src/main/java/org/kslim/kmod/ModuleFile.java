package org.kslim.kmod;

import java.util.Objects;

/**
 * A parsed module file: the {@link Module} and the ELF facts of the file it came from.
 *
 * <pre>{@code
 * ModuleFile file = new ModuleParser().parse("kernel/drivers/block/virtio_blk.ko", bytes);
 * file.module().exports();
 * file.elf().machineName();   // "x86-64"
 * }</pre>
 */
public record ModuleFile(Module module, ModuleElf elf) {
  public ModuleFile {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(elf, "elf");
  }
}

package org.kslim.kmod;

import java.util.Objects;

/**
 * One symbol a kernel exports, as {@code Module.symvers} lists it.
 *
 * <pre>{@code
 * KernelExport e = exports.get("printk").orElseThrow();
 * e.owner();   // "vmlinux"
 * e.type();    // "EXPORT_SYMBOL"
 * }</pre>
 *
 * @param name the symbol
 * @param crc its modversion CRC, meaningful only when {@code hasCrc}
 * @param hasCrc whether the source recorded a CRC
 * @param owner {@code vmlinux}, or the exporting module as {@code Module.symvers} names it ({@code drivers/virtio/virtio_ring})
 * @param type {@code EXPORT_SYMBOL} or {@code EXPORT_SYMBOL_GPL} ({@code ""} when the source does not say)
 * @param namespace the symbol namespace, {@code ""} for none
 */
public record KernelExport(String name, long crc, boolean hasCrc, String owner, String type, String namespace) {
  /** The owner name of symbols the kernel image itself exports. */
  public static final String VMLINUX = "vmlinux";

  public KernelExport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(namespace, "namespace");
  }

  public boolean isFromKernelImage() {
    return owner.equals(VMLINUX);
  }
}

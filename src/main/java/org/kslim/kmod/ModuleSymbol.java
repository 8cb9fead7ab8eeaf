package org.kslim.kmod;

import java.util.Objects;

/**
 * A symbol a module exports or needs, with its modversion CRC where one is recorded
 * ({@code __crc_*} for exports, {@code __versions} for undefined symbols).
 *
 * <pre>{@code
 * new ModuleSymbol("register_virtio_driver", 0x1a2b3c4dL, true, false);
 * }</pre>
 *
 * @param name the symbol name
 * @param crc the CRC, meaningful only when {@code hasCrc}
 * @param hasCrc whether a CRC is recorded
 * @param weak for an undefined symbol: weak binding (depmod does not fail on it)
 */
public record ModuleSymbol(String name, long crc, boolean hasCrc, boolean weak) {
  public ModuleSymbol {
    Objects.requireNonNull(name, "name");
  }
}

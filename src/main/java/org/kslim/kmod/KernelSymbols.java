package org.kslim.kmod;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the resolver needs to know of the kernel image: the symbols vmlinux exports and, when they
 * come from {@code Module.symvers} rather than {@code System.map}, their CRCs (depmod's {@code -E}
 * and {@code -F}). depmod also counts {@code __this_module} and {@code _GLOBAL_OFFSET_TABLE_} as
 * the kernel's, which {@link #of} adds.
 *
 * <pre>{@code
 * KernelSymbols kernel = KernelSymbols.from(KernelExports.fromSymvers(Path.of("Module.symvers")));
 * KernelSymbols.of(Map.of("printk", 0x92997ed8L), true);
 * kernel.contains("__this_module");  // true
 * }</pre>
 *
 * @param crcs symbol name to CRC (0 where none is known)
 * @param versioned whether the CRCs are real, so that depmod compares them with the modules'
 */
public record KernelSymbols(Map<String, Long> crcs, boolean versioned) {
  private static final String[] LOADER_SYMBOLS = {"__this_module", "_GLOBAL_OFFSET_TABLE_"};

  public KernelSymbols {
    crcs = Map.copyOf(crcs);
  }

  /** The kernel's exports plus the symbols the module loader supplies itself. */
  public static KernelSymbols of(Map<String, Long> exports, boolean versioned) {
    Map<String, Long> all = new HashMap<>(exports);
    for (String symbol : LOADER_SYMBOLS) {
      all.put(symbol, 0L);
    }
    return new KernelSymbols(all, versioned);
  }

  public boolean contains(String symbol) {
    return crcs.containsKey(Objects.requireNonNull(symbol, "symbol"));
  }

  /** The CRC of {@code symbol}; 0 when it is not the kernel's. */
  public long crc(String symbol) {
    return crcs.getOrDefault(symbol, 0L);
  }

  /**
   * The kernel image's own exports out of {@code exports} (owner {@code vmlinux} where the source
   * names owners), versioned when any of them carries a CRC.
   */
  public static KernelSymbols from(KernelExports exports) {
    Map<String, Long> crcs = new HashMap<>();
    boolean versioned = false;
    for (KernelExport export : exports.kernelOnly().all()) {
      crcs.put(export.name(), export.crc());
      versioned |= export.hasCrc();
    }
    return of(crcs, versioned);
  }
}

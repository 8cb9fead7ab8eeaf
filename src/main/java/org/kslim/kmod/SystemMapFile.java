package org.kslim.kmod;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kslim.BadInputException;

/**
 * Reads the exports of a {@code System.map} ({@code ADDRESS TYPE NAME} lines): each
 * {@code __ksymtab_NAME} symbol exports NAME; its CRC is the value of an absolute
 * {@code __crc_NAME} symbol (type {@code A}), which kernels before 5.19 have. Since 5.19
 * {@code __crc_} symbols are addresses inside {@code __kcrctab}, not CRCs, so they are not taken.
 */
final class SystemMapFile {
  private static final String KSYMTAB = "__ksymtab_";
  private static final String CRC = "__crc_";

  private SystemMapFile() {}

  static List<KernelExport> read(String name, InputStream in) throws IOException {
    Set<String> exported = new LinkedHashSet<>();
    Map<String, Long> crcs = new HashMap<>();
    TextLines.forEach(in, (number, line) -> {
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 3 || fields[1].length() != 1) {
        throw new BadInputException(name + ":" + number + ": expected ADDRESS TYPE NAME: " + line);
      }
      String symbol = fields[2];
      if (symbol.startsWith(KSYMTAB) && symbol.length() > KSYMTAB.length()) {
        exported.add(symbol.substring(KSYMTAB.length()));
      } else if (symbol.startsWith(CRC) && fields[1].equalsIgnoreCase("A")) {
        crcs.put(symbol.substring(CRC.length()), address(name, number, fields[0]));
      }
    });
    if (exported.isEmpty()) {
      throw new BadInputException(name + ": names no exported symbol (no __ksymtab_* line); Debian's linux-image"
          + " packages hold a placeholder, the real System.map is in the -dbg package");
    }
    return exported.stream()
        .map(symbol -> new KernelExport(symbol, crcs.getOrDefault(symbol, 0L), crcs.containsKey(symbol),
            KernelExport.VMLINUX, "", ""))
        .toList();
  }

  private static long address(String name, int number, String text) {
    try {
      return Long.parseUnsignedLong(text, 16);
    } catch (NumberFormatException e) {
      throw new BadInputException(name + ":" + number + ": address is not a hexadecimal number: " + text, e);
    }
  }
}

package org.kslim.kmod;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.kslim.BadInputException;

/**
 * Reads {@code Module.symvers}: one export a line, {@code CRC<TAB>NAME<TAB>OWNER<TAB>TYPE[<TAB>NAMESPACE]}.
 */
final class SymversTable {
  private SymversTable() {}

  static List<KernelExport> read(String name, InputStream in) throws IOException {
    List<KernelExport> exports = new ArrayList<>();
    TextLines.forEach(in, (number, line) -> {
      String[] fields = line.split("\t", -1);
      if (fields.length < 3 || fields.length > 5 || fields[1].isEmpty()) {
        throw new BadInputException(name + ":" + number + ": expected CRC, symbol, module, export type and namespace separated by tabs: " + line);
      }
      exports.add(new KernelExport(fields[1], crc(name, number, fields[0]), true, fields[2],
          fields.length > 3 ? fields[3] : "", fields.length > 4 ? fields[4] : ""));
    });
    return exports;
  }

  private static long crc(String name, int number, String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    try {
      if (digits.isEmpty() || digits.length() > 16) {
        throw new NumberFormatException("length " + digits.length());
      }
      return Long.parseUnsignedLong(digits, 16);
    } catch (NumberFormatException e) {
      throw new BadInputException(name + ":" + number + ": CRC is not a hexadecimal number: " + text, e);
    }
  }
}

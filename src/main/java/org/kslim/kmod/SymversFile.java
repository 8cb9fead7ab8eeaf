package org.kslim.kmod;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.kslim.BadInputException;

/**
 * Reads the kernel image's exports from a {@code Module.symvers} as depmod's {@code -E} does:
 * lines of {@code CRC SYMBOL WHERE ...} separated by blanks or tabs, of which only those whose
 * WHERE is {@code vmlinux} count; a later line for a symbol replaces an earlier one.
 *
 * <pre>{@code
 * KernelSymbols kernel = SymversFile.read(Path.of("Module.symvers"));
 * }</pre>
 */
final class SymversFile {
  private static final BigInteger MAX_CRC = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private SymversFile() {}

  static KernelSymbols read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    Map<String, Long> crcs = new HashMap<>();
    int lineNumber = 0;
    for (int start = 0; start < text.length(); lineNumber++) {
      int end = text.indexOf('\n', start);
      // the newline stays part of the last field, as it does for depmod's strtok
      String line = end < 0 ? text.substring(start) : text.substring(start, end + 1);
      start = end < 0 ? text.length() : end + 1;
      String[] fields = line.trim().isEmpty() ? new String[0] : line.replaceFirst("^[ \t]+", "").split("[ \t]+", 4);
      if (fields.length < 3 || !fields[2].equals("vmlinux")) {
        continue;
      }
      crcs.put(fields[1], crc(fields[0], file, lineNumber + 1));
    }
    return KernelSymbols.of(crcs, true);
  }

  /** {@code strtoull(text, 16)}, which must use every character. */
  private static long crc(String text, Path file, int line) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new BadInputException(file + ":" + line + ": invalid symbol version " + text);
    }
    BigInteger value = new BigInteger(digits, 16);
    return value.compareTo(MAX_CRC) > 0 ? -1L : value.longValue();
  }
}

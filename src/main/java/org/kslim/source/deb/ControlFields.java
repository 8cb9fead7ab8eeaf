package org.kslim.source.deb;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kslim.BadInputException;

/**
 * The fields of a Debian control file ({@code Field: value} lines, continuation lines starting
 * with a space or tab), in file order. A multi-line value keeps its continuation lines as they
 * are written, joined with {@code \n}, as {@code dpkg-deb -f} prints them.
 */
final class ControlFields {
  private ControlFields() {}

  /**
   * @param where the file and member named in errors ({@code pkg.deb!control})
   * @throws BadInputException naming {@code where} and the line when a line is neither a field
   *     nor a continuation, or a field repeats
   */
  static Map<String, String> parse(String text, String where) {
    Map<String, String> fields = new LinkedHashMap<>();
    String current = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith(" ") || line.startsWith("\t")) {
        if (current == null) {
          throw new BadInputException(where + ":" + (i + 1) + ": continuation line before any field");
        }
        fields.put(current, fields.get(current) + "\n" + line);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new BadInputException(where + ":" + (i + 1) + ": not a 'Field: value' line: " + line);
      }
      current = line.substring(0, colon);
      if (fields.put(current, line.substring(colon + 1).strip()) != null) {
        throw new BadInputException(where + ":" + (i + 1) + ": field " + current + " repeats");
      }
    }
    return fields;
  }
}

package org.kslim.source.deb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.kslim.BadInputException;
import org.kslim.source.PackageInfo;

/**
 * What a .deb's control archive declares: the {@code control} file's fields and the maintainer
 * scripts, read into a {@link PackageInfo}. The version {@code [epoch:]upstream[-revision]} is
 * split at its last {@code -}; the epoch stays only in the {@code Version} field.
 */
final class DebControl {
  static final Set<String> SCRIPTS = Set.of("preinst", "postinst", "prerm", "postrm", "config");

  private DebControl() {}

  /**
   * @param controlTar the decompressed control archive
   * @param where the file and member named in errors ({@code pkg.deb!control.tar.xz})
   */
  static PackageInfo read(InputStream controlTar, String where) throws IOException {
    TarReader tar = new TarReader(controlTar, where);
    String control = null;
    Map<String, String> scripts = new HashMap<>();
    for (TarArchiveEntry entry = tar.next(); entry != null; entry = tar.next()) {
      String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
      if (!entry.isFile() || !(name.equals("control") || SCRIPTS.contains(name))) {
        continue;
      }
      String text = new String(tar.content(name).readAllBytes(), StandardCharsets.UTF_8);
      if (name.equals("control")) {
        control = text;
      } else {
        scripts.put(name, text);
      }
    }
    if (control == null) {
      throw new BadInputException(where + ": no control file");
    }
    return info(ControlFields.parse(control, where + "!control"), scripts, where);
  }

  private static PackageInfo info(Map<String, String> fields, Map<String, String> scripts, String where) {
    String version = required(fields, "Version", where);
    int epoch = version.indexOf(':');
    String upstream = version.substring(epoch + 1);
    int dash = upstream.lastIndexOf('-');
    String release = dash < 0 ? "" : upstream.substring(dash + 1);
    upstream = dash < 0 ? upstream : upstream.substring(0, dash);
    return new PackageInfo(required(fields, "Package", where), upstream, release, required(fields, "Architecture", where), "",
        fields, scripts);
  }

  private static String required(Map<String, String> fields, String name, String where) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) {
      throw new BadInputException(where + "!control: no " + name + " field");
    }
    return value;
  }
}

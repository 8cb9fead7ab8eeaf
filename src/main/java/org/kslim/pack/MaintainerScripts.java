package org.kslim.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kslim.source.PackageFormat;

/**
 * The maintainer scripts of written packages. A part runs {@code depmod -a VER} after install
 * and after removal (deb {@code postinst configure} and {@code postrm remove}; rpm
 * {@code %posttrans} and {@code %postun}); the image package keeps the input's scripts, carried
 * across formats as alien carries them ({@code preinst} is {@code %pre}, {@code postinst}
 * {@code %post}, {@code prerm} {@code %preun}, {@code postrm} {@code %postun}), with the same
 * depmod call added after the script's {@code #!} line (or first, without one).
 */
final class MaintainerScripts {
  private static final List<List<String>> SAME = List.of(
      List.of("preinst", "%pre"),
      List.of("postinst", "%post"),
      List.of("prerm", "%preun"),
      List.of("postrm", "%postun"));

  private MaintainerScripts() {}

  /** A part's scripts: depmod after install and removal. */
  static Map<String, String> part(PackageFormat target, String kver, String modulesDir) {
    Map<String, String> scripts = new LinkedHashMap<>();
    depmod(target, kver, modulesDir).forEach((name, block) -> scripts.put(name, standalone(target, block)));
    return scripts;
  }

  /**
   * The image package's scripts: the input's, in the target's names, with depmod added.
   *
   * @param dropped receives the names of input scripts the target has no place for
   */
  static Map<String, String> image(Map<String, String> input, PackageFormat target, String kver, String modulesDir,
      List<String> dropped) {
    Map<String, String> scripts = new LinkedHashMap<>();
    input.forEach((name, body) -> {
      String mapped = mapped(name, target);
      if (mapped == null) {
        dropped.add(name);
      } else {
        scripts.put(mapped, body);
      }
    });
    depmod(target, kver, modulesDir).forEach((name, block) ->
        scripts.merge(name, standalone(target, block), (theirs, ignored) -> withBlock(theirs, block)));
    return scripts;
  }

  /** The depmod calls by script name: after install and after removal. */
  private static Map<String, String> depmod(PackageFormat target, String kver, String modulesDir) {
    String run = "\tdepmod -a " + kver + "\n";
    Map<String, String> blocks = new LinkedHashMap<>();
    if (target == PackageFormat.DEB) {
      blocks.put("postinst", "if [ \"$1\" = configure ]; then\n" + run + "fi\n");
      blocks.put("postrm", "if [ \"$1\" = remove ] && [ -d " + modulesDir + " ]; then\n" + run + "fi\n");
    } else {
      blocks.put("%posttrans", "depmod -a " + kver + "\n");
      blocks.put("%postun", "if [ -d " + modulesDir + " ]; then\n" + run + "fi\n");
    }
    return blocks;
  }

  /** A whole script of {@code block}: a deb script needs its interpreter line. */
  private static String standalone(PackageFormat target, String block) {
    return target == PackageFormat.DEB ? "#!/bin/sh\nset -e\n" + block : block;
  }

  /** {@code name} in the target's terms, or null when the target has no such script. */
  private static String mapped(String name, PackageFormat target) {
    int want = target == PackageFormat.DEB ? 0 : 1;
    for (List<String> pair : SAME) {
      if (pair.contains(name)) {
        return pair.get(want);
      }
    }
    boolean rpmName = name.startsWith("%");
    return rpmName == (target == PackageFormat.RPM) ? name : null;
  }

  /** {@code script} with {@code block} after its {@code #!} line, or first. */
  private static String withBlock(String script, String block) {
    if (script.startsWith("#!")) {
      int end = script.indexOf('\n');
      return end < 0 ? script + "\n" + block : script.substring(0, end + 1) + block + script.substring(end + 1);
    }
    return block + script;
  }
}

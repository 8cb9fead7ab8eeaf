package org.kslim.source.rpm;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.kslim.source.PackageInfo;

/**
 * What an rpm header declares about its package, as a {@link PackageInfo}: NAME, VERSION,
 * RELEASE, ARCH and LICENSE; each field tag of {@link RpmTag} the header holds, by tag name
 * (several values joined with a space, e.g. {@code PREINPROG}); and the scripts by their spec
 * section name ({@code %pre}, {@code %post}, {@code %preun}, {@code %postun}, {@code %pretrans},
 * {@code %posttrans}).
 */
final class RpmInfo {
  private static final Map<RpmTag, String> SCRIPTS = scripts();
  /** The most values a field tag may hold: they are scalars, or a few interpreter arguments. */
  static final int MAX_FIELD_VALUES = 1024;

  private RpmInfo() {}

  static PackageInfo of(RpmHeader header) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (RpmTag tag : RpmTag.values()) {
      if (tag.isField()) {
        value(header, tag).ifPresent(value -> fields.put(tag.name(), value));
      }
    }
    Map<String, String> scripts = new HashMap<>();
    SCRIPTS.forEach((tag, section) -> header.string(tag.number()).ifPresent(script -> scripts.put(section, script)));
    return new PackageInfo(text(header, RpmTag.NAME), text(header, RpmTag.VERSION), text(header, RpmTag.RELEASE),
        text(header, RpmTag.ARCH), text(header, RpmTag.LICENSE), fields, scripts);
  }

  private static String text(RpmHeader header, RpmTag tag) {
    return header.string(tag.number()).orElse("");
  }

  private static Optional<String> value(RpmHeader header, RpmTag tag) {
    return header.entry(tag.number()).map(entry -> {
      RpmHeader.check(entry.count() <= MAX_FIELD_VALUES, header.fileOffset(),
          tag + " holds " + entry.count() + " values, at most " + MAX_FIELD_VALUES + " expected");
      return entry.type().isString()
          ? String.join(" ", header.strings(tag.number()))
          : LongStream.of(header.numbers(tag.number())).mapToObj(Long::toString).collect(Collectors.joining(" "));
    });
  }

  private static Map<RpmTag, String> scripts() {
    Map<RpmTag, String> scripts = new LinkedHashMap<>();
    scripts.put(RpmTag.PRETRANS, "%pretrans");
    scripts.put(RpmTag.PREIN, "%pre");
    scripts.put(RpmTag.POSTIN, "%post");
    scripts.put(RpmTag.PREUN, "%preun");
    scripts.put(RpmTag.POSTUN, "%postun");
    scripts.put(RpmTag.POSTTRANS, "%posttrans");
    return scripts;
  }
}

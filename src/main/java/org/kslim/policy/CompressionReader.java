package org.kslim.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kslim.size.PayloadCompression;
import org.kslim.source.Compression;
import org.kslim.source.PackageFormat;

/** Reads the {@code compression:} section of a kslim policy. */
final class CompressionReader {
  private static final Set<String> COMPRESSION_KEYS = Set.of("target", "payload", "level", "modules");

  private final PolicySyntax syntax;

  CompressionReader(PolicySyntax syntax) {
    this.syntax = syntax;
  }

  CompressionPolicy compression(YamlNode section) {
    YamlNode.Mapping entry = syntax.mapping(section, "compression");
    syntax.onlyKeys(entry, COMPRESSION_KEYS, "compression");
    String targetText = syntax.required(entry, "target", "compression");
    PackageFormat target = switch (targetText) {
      case "rpm" -> PackageFormat.RPM;
      case "deb" -> PackageFormat.DEB;
      default -> throw syntax.error(entry.entry("target").orElseThrow().line(),
          "compression target must be rpm or deb: " + targetText);
    };
    PayloadCompression fallback = CompressionPolicy.defaultPayload(target);
    Compression algorithm = entry.get("payload")
        .map(node -> choice(node, "payload", Compression.class)).orElse(fallback.compression());
    Optional<YamlNode> level = entry.get("level");
    if (level.isEmpty() && algorithm != fallback.compression()) {
      throw syntax.error(entry.line(), "compression payload " + algorithm.name().toLowerCase(Locale.ROOT)
          + " needs 'level'");
    }
    PayloadCompression payload;
    try {
      payload = new PayloadCompression(algorithm, level.map(node -> integer(node, "level")).orElse(fallback.level()));
    } catch (IllegalArgumentException e) {
      throw syntax.error(level.map(YamlNode::line).orElse(entry.line()), e.getMessage());
    }
    ModuleCompression modules = entry.get("modules")
        .map(node -> choice(node, "modules", ModuleCompression.class)).orElse(ModuleCompression.KEEP);
    return new CompressionPolicy(target, payload, modules);
  }

  private <E extends Enum<E>> E choice(YamlNode node, String what, Class<E> type) {
    String text = syntax.text(node, what);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    throw syntax.error(node.line(), "unknown " + what + " '" + text + "'");
  }

  private int integer(YamlNode node, String what) {
    String text = syntax.text(node, what);
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw syntax.error(node.line(), what + " must be a whole number: " + text);
    }
  }

}

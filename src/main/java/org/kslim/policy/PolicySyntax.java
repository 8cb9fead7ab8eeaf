package org.kslim.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kslim.BadInputException;

/** Typed access to {@link YamlNode}s of one policy file; every failure names file:line. */
final class PolicySyntax {
  private final String source;

  PolicySyntax(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  Location at(int line) {
    return new Location(source, line);
  }

  BadInputException error(int line, String what) {
    return new BadInputException(source + ":" + line + ": " + what);
  }

  YamlNode.Mapping mapping(YamlNode node, String what) {
    if (node instanceof YamlNode.Mapping mapping) {
      return mapping;
    }
    throw error(node.line(), what + " must be a mapping (key: value)");
  }

  List<YamlNode> sequence(YamlNode node, String what) {
    if (node instanceof YamlNode.Sequence sequence) {
      return sequence.items();
    }
    if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
      return List.of();
    }
    throw error(node.line(), what + " must be a list");
  }

  String text(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
      return scalar.text();
    }
    throw error(node.line(), what + " must be a non-empty text");
  }

  boolean bool(YamlNode node, String what) {
    String text = text(node, what);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw error(node.line(), what + " must be true or false: " + text);
  }

  /** A list of texts; duplicates are kept once, order kept. */
  Set<String> texts(YamlNode node, String what) {
    Set<String> texts = new LinkedHashSet<>();
    for (YamlNode item : sequence(node, what)) {
      texts.add(text(item, what + " entry"));
    }
    return texts;
  }

  /** The text under {@code key}, failing when it is missing. */
  String required(YamlNode.Mapping mapping, String key, String what) {
    YamlNode node = mapping.get(key).orElseThrow(() -> error(mapping.line(), what + " needs '" + key + "'"));
    return text(node, what + " '" + key + "'");
  }

  Optional<String> optional(YamlNode.Mapping mapping, String key, String what) {
    return mapping.get(key).map(node -> text(node, what + " '" + key + "'"));
  }

  /** Fails on the first key of {@code mapping} that is not in {@code known}. */
  void onlyKeys(YamlNode.Mapping mapping, Set<String> known, String what) {
    for (YamlNode.Entry entry : mapping.entries()) {
      if (!known.contains(entry.key())) {
        throw error(entry.line(), "unknown key '" + entry.key() + "' in " + what
            + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  /** Fails unless {@code pkg} is one of the {@code declared} package names. */
  void checkDeclared(Set<String> declared, String pkg, int line) {
    if (!declared.contains(pkg)) {
      throw error(line, "package '" + pkg + "' is not declared under packages:");
    }
  }
}

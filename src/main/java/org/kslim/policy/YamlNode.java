package org.kslim.policy;

import java.util.List;
import java.util.Optional;

/** A YAML value with the line it starts on, so every policy error can name file:line. */
sealed interface YamlNode {
  int line();

  /** A scalar as written ({@code null} and {@code ~} have {@code isNull}). */
  record Scalar(String text, boolean isNull, int line) implements YamlNode {}

  record Sequence(List<YamlNode> items, int line) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  record Mapping(List<Entry> entries, int line) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    Optional<YamlNode> get(String key) {
      return entry(key).map(Entry::value);
    }
  }

  /** One key of a mapping, with the key's own line. */
  record Entry(String key, int line, YamlNode value) {}
}

package org.kslim.kmod;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a section of NUL-separated strings the way libkmod does for {@code .modinfo} and
 * {@code __ksymtab_strings}: runs of NULs separate strings (padding yields no empty string), a
 * last string without its NUL still counts, and a section that holds at most one byte past its
 * leading NULs holds no string.
 */
final class ModuleStrings {
  private ModuleStrings() {}

  static List<String> split(ByteBuffer section) {
    List<String> strings = new ArrayList<>();
    int start = section.position();
    int end = section.limit();
    int i = start;
    while (i < end && section.get(i) == 0) {
      i++;
    }
    if (end - i <= 1) {
      return strings;
    }
    while (i < end) {
      if (section.get(i) == 0) {
        i++;
        continue;
      }
      int from = i;
      while (i < end && section.get(i) != 0) {
        i++;
      }
      byte[] bytes = new byte[i - from];
      section.get(from, bytes);
      strings.add(new String(bytes, StandardCharsets.UTF_8));
    }
    return strings;
  }

  /** A {@code key=value} string as a field; a string without {@code =} has an empty value. */
  static ModInfo.Field field(String string) {
    int equals = string.indexOf('=');
    return equals < 0 ? new ModInfo.Field(string, "") : new ModInfo.Field(string.substring(0, equals), string.substring(equals + 1));
  }
}

package org.kslim.kmod;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    byte[] bytes = copy(section);
    int[] bounds = bounds(bytes);
    List<String> strings = new ArrayList<>(bounds.length / 2);
    for (int k = 0; k < bounds.length; k += 2) {
      strings.add(new String(bytes, bounds[k], bounds[k + 1] - bounds[k], StandardCharsets.UTF_8));
    }
    return strings;
  }

  /**
   * The strings of the section as {@code key=value} fields, as {@link #field} makes them of
   * {@link #split}'s strings; split at the byte {@code =}, which UTF-8 uses for nothing else.
   */
  static List<ModInfo.Field> fields(ByteBuffer section) {
    byte[] bytes = copy(section);
    int[] bounds = bounds(bytes);
    List<ModInfo.Field> fields = new ArrayList<>(bounds.length / 2);
    for (int k = 0; k < bounds.length; k += 2) {
      int from = bounds[k];
      int to = bounds[k + 1];
      int equals = from;
      while (equals < to && bytes[equals] != '=') {
        equals++;
      }
      String key = new String(bytes, from, equals - from, StandardCharsets.UTF_8);
      String value = equals < to ? new String(bytes, equals + 1, to - equals - 1, StandardCharsets.UTF_8) : "";
      fields.add(new ModInfo.Field(key, value));
    }
    return fields;
  }

  /** The section's bytes in an array, which C1-compiled code scans for less than a buffer. */
  private static byte[] copy(ByteBuffer section) {
    byte[] bytes = new byte[section.remaining()];
    section.get(section.position(), bytes);
    return bytes;
  }

  /** The start and end of each string, in pairs. */
  private static int[] bounds(byte[] bytes) {
    int end = bytes.length;
    int i = 0;
    while (i < end && bytes[i] == 0) {
      i++;
    }
    if (end - i <= 1) {
      return new int[0];
    }
    int[] bounds = new int[16];
    int count = 0;
    while (i < end) {
      if (bytes[i] == 0) {
        i++;
        continue;
      }
      int from = i;
      while (i < end && bytes[i] != 0) {
        i++;
      }
      if (count == bounds.length) {
        bounds = Arrays.copyOf(bounds, 2 * count);
      }
      bounds[count++] = from;
      bounds[count++] = i;
    }
    return Arrays.copyOf(bounds, count);
  }

  /** A {@code key=value} string as a field; a string without {@code =} has an empty value. */
  static ModInfo.Field field(String string) {
    int equals = string.indexOf('=');
    return equals < 0 ? new ModInfo.Field(string, "") : new ModInfo.Field(string.substring(0, equals), string.substring(equals + 1));
  }
}

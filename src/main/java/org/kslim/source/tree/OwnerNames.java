package org.kslim.source.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The user and group names of numeric ids, each looked up once (through the first file that
 * has it) however many files of a tree share it: a lookup asks the system's user database.
 */
final class OwnerNames {
  private final Map<Integer, String> users = new HashMap<>();
  private final Map<Integer, String> groups = new HashMap<>();

  /** The name of user {@code uid}, owner of {@code file}. */
  String user(int uid, Path file) throws IOException {
    return name(users, uid, file, PosixFileAttributes::owner);
  }

  /** The name of group {@code gid}, group of {@code file}. */
  String group(int gid, Path file) throws IOException {
    return name(groups, gid, file, PosixFileAttributes::group);
  }

  private static String name(Map<Integer, String> names, int id, Path file, Function<PosixFileAttributes, Principal> principal)
      throws IOException {
    String name = names.get(id);
    if (name == null) {
      name = principal.apply(Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)).getName();
      names.put(id, name);
    }
    return name;
  }
}

package org.kslim.source.deb;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The members of a .deb, their order checked as dpkg expects: {@code debian-binary} first, then
 * {@code control.tar[.gz|.xz|.zst]}, then {@code data.tar[.gz|.xz|.zst|.bz2|.lzma]}; members
 * whose name starts with {@code _} may sit between and after them and are ignored.
 *
 * @param version the {@code debian-binary} member
 * @param control the control archive
 * @param data the data archive
 */
record DebMembers(ArMember version, ArMember control, ArMember data) {
  private static final Pattern CONTROL = Pattern.compile("control\\.tar(\\.gz|\\.xz|\\.zst)?");
  private static final Pattern DATA = Pattern.compile("data\\.tar(\\.gz|\\.xz|\\.zst|\\.bz2|\\.lzma)?");

  static DebMembers of(List<ArMember> members) {
    ArArchive.check(!members.isEmpty(), ArArchive.MAGIC.length(), "no members");
    ArMember version = members.get(0);
    ArArchive.check(version.name().equals("debian-binary"), version.headerOffset(),
        "first member is " + version.name() + ", not debian-binary");
    int next = skipIgnored(members, 1);
    ArMember control = expect(members, next, CONTROL, "control.tar");
    next = skipIgnored(members, next + 1);
    ArMember data = expect(members, next, DATA, "data.tar");
    next = skipIgnored(members, next + 1);
    if (next < members.size()) {
      ArMember extra = members.get(next);
      ArArchive.check(false, extra.headerOffset(), "unexpected member " + extra.name() + " after " + data.name());
    }
    return new DebMembers(version, control, data);
  }

  private static ArMember expect(List<ArMember> members, int index, Pattern name, String what) {
    long end = members.get(members.size() - 1).offset() + members.get(members.size() - 1).size();
    ArArchive.check(index < members.size(), end, "no " + what + " member");
    ArMember member = members.get(index);
    ArArchive.check(name.matcher(member.name()).matches(), member.headerOffset(),
        "member " + member.name() + " where " + what + " was expected");
    return member;
  }

  private static int skipIgnored(List<ArMember> members, int from) {
    int index = from;
    while (index < members.size() && members.get(index).name().startsWith("_")) {
      index++;
    }
    return index;
  }
}

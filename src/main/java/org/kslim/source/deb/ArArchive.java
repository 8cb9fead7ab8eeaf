package org.kslim.source.deb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kslim.MalformedInputException;
import org.kslim.source.ChannelBytes;

/**
 * The member table of an ar archive (the container of a .deb), read from headers alone: member
 * data is never read here, only located, and every header is checked against the file size.
 */
final class ArArchive {
  static final String MAGIC = "!<arch>\n";
  static final int MAX_MEMBERS = 64;
  private static final String FORMAT = "ar";
  private static final int HEADER = 60;
  private static final int NAME = 16;
  private static final int SIZE_AT = 48;
  private static final int SIZE_LENGTH = 10;
  private static final int END_AT = 58;

  private ArArchive() {}

  /** Every member of the ar archive held in the first {@code fileSize} bytes of {@code channel}. */
  static List<ArMember> read(FileChannel channel, long fileSize) throws IOException {
    check(fileSize >= MAGIC.length() && MAGIC.equals(ascii(ChannelBytes.read(channel, 0, MAGIC.length()))), 0, "no ar magic");
    List<ArMember> members = new ArrayList<>();
    long position = MAGIC.length();
    while (position < fileSize) {
      check(members.size() < MAX_MEMBERS, position, "more than " + MAX_MEMBERS + " members");
      check(fileSize - position >= HEADER, position, "truncated member header (" + (fileSize - position) + " bytes left)");
      String header = ascii(ChannelBytes.read(channel, position, HEADER));
      check(header.startsWith("`\n", END_AT), position + END_AT, "member header does not end with `\\n");
      String name = header.substring(0, NAME).stripTrailing();
      name = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
      long size = parseSize(header.substring(SIZE_AT, SIZE_AT + SIZE_LENGTH).strip(), position + SIZE_AT);
      long offset = position + HEADER;
      check(size <= fileSize - offset, position, "member " + name + " of " + size + " bytes runs past the end of the file ("
          + (fileSize - offset) + " bytes left)");
      members.add(new ArMember(name, position, offset, size));
      position = offset + size + (size & 1);
    }
    return members;
  }

  /** The data of {@code member}, which must be at most {@code max} bytes. */
  static byte[] content(FileChannel channel, ArMember member, int max) throws IOException {
    check(member.size() <= max, member.headerOffset(), "member " + member.name() + " holds " + member.size() + " bytes, at most " + max + " expected");
    return ChannelBytes.read(channel, member.offset(), (int) member.size());
  }

  /** Fails with a {@link MalformedInputException} about the ar archive unless {@code condition} holds. */
  static void check(boolean condition, long offset, String reason) {
    MalformedInputException.verify(condition, FORMAT, offset, reason);
  }

  private static long parseSize(String digits, long offset) {
    check(!digits.isEmpty() && digits.length() <= SIZE_LENGTH && digits.chars().allMatch(Character::isDigit), offset,
        "member size is not a decimal number: '" + digits + "'");
    return Long.parseLong(digits);
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}

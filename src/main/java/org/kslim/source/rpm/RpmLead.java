package org.kslim.source.rpm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.kslim.MalformedInputException;

/**
 * The 96-byte lead that opens every rpm file: magic {@code ED AB EE DB}, format version, package
 * type (0 binary, 1 source), legacy architecture and os numbers, the package name (informative
 * only) and the signature type, which must be 5 (a header-structured signature follows).
 *
 * <pre>{@code
 * RpmLead lead = RpmLead.parse(ChannelBytes.read(channel, 0, RpmLead.SIZE));
 * }</pre>
 *
 * @param major format major version (3 or 4)
 * @param minor format minor version
 * @param type 0 for a binary package, 1 for a source package
 * @param archNumber legacy architecture number
 * @param name the NUL-terminated name field
 * @param osNumber legacy os number
 * @param signatureType 5
 */
public record RpmLead(int major, int minor, int type, int archNumber, String name, int osNumber, int signatureType) {
  public static final int SIZE = 96;
  static final int MAGIC = 0xEDABEEDB;
  private static final int NAME_AT = 10;
  private static final int NAME_LENGTH = 66;
  private static final int HEADER_SIGNATURE = 5;

  /** The lead in {@code bytes}, which hold at least {@link #SIZE} bytes. */
  public static RpmLead parse(byte[] bytes) {
    check(bytes.length >= SIZE, bytes.length, "file ends inside the 96-byte lead");
    ByteBuffer in = ByteBuffer.wrap(bytes);
    check(in.getInt(0) == MAGIC, 0, "no rpm lead magic");
    int major = in.get(4) & 0xFF;
    check(major == 3 || major == 4, 4, "unsupported format version " + major);
    int nameEnd = NAME_AT;
    while (nameEnd < NAME_AT + NAME_LENGTH && bytes[nameEnd] != 0) {
      nameEnd++;
    }
    String name = new String(bytes, NAME_AT, nameEnd - NAME_AT, StandardCharsets.UTF_8);
    int signatureType = in.getShort(78) & 0xFFFF;
    check(signatureType == HEADER_SIGNATURE, 78, "signature type " + signatureType + ", not " + HEADER_SIGNATURE);
    return new RpmLead(major, in.get(5) & 0xFF, in.getShort(6) & 0xFFFF, in.getShort(8) & 0xFFFF, name,
        in.getShort(76) & 0xFFFF, signatureType);
  }

  private static void check(boolean condition, long offset, String reason) {
    RpmHeader.check(condition, offset, reason);
  }
}

package org.kslim.source.rpm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.MalformedInputException;
import org.kslim.source.ChannelBytes;

/**
 * An rpm header (the signature header or the main header): magic {@code 8E AD E8 01}, four
 * reserved bytes, the index entry count and the data store size, then the index entries and the
 * data store. Counts and sizes are checked against rpm's own limits (at most 65,535 entries, a
 * store of at most 256 MiB) and the file size before anything is allocated; every index entry
 * is checked against the store; string data is checked when read.
 *
 * <pre>{@code
 * RpmHeader header = RpmHeader.read(channel, 96, channel.size(), 256L << 20);
 * String name = header.string(RpmTag.NAME.number()).orElseThrow();
 * long[] modes = header.numbers(RpmTag.FILEMODES.number());
 * }</pre>
 */
public final class RpmHeader {
  /** Bytes before the index: magic, reserved, entry count, store size. */
  public static final int INTRO = 16;
  /** Bytes per index entry. */
  public static final int ENTRY = 16;
  /** rpm's {@code HEADER_TAGS_MAX}. */
  public static final int MAX_INDEX_COUNT = 0xFFFF;
  static final int MAGIC = 0x8EADE801;
  private static final String FORMAT = "rpm";

  private final long fileOffset;
  private final List<IndexEntry> entries;
  private final Map<Integer, IndexEntry> byTag;
  private final byte[] store;

  private RpmHeader(long fileOffset, List<IndexEntry> entries, Map<Integer, IndexEntry> byTag, byte[] store) {
    this.fileOffset = fileOffset;
    this.entries = entries;
    this.byTag = byTag;
    this.store = store;
  }

  /**
   * The header at {@code offset} of a file of {@code fileSize} bytes.
   *
   * @param maxStoreSize the largest data store accepted ({@link org.kslim.source.SourceLimits#maxHeaderSize()})
   * @throws MalformedInputException when the header is malformed, claims more than the limits or
   *     runs past the end of the file
   */
  public static RpmHeader read(FileChannel channel, long offset, long fileSize, long maxStoreSize) throws IOException {
    check(fileSize - offset >= INTRO, offset, "file ends inside a header intro (" + (fileSize - offset) + " bytes left)");
    ByteBuffer intro = ByteBuffer.wrap(ChannelBytes.read(channel, offset, INTRO));
    check(intro.getInt(0) == MAGIC, offset, "no header magic 8E AD E8 01");
    long count = Integer.toUnsignedLong(intro.getInt(8));
    long storeSize = Integer.toUnsignedLong(intro.getInt(12));
    check(count <= MAX_INDEX_COUNT, offset + 8, "header index count " + count + " exceeds " + MAX_INDEX_COUNT);
    check(storeSize <= maxStoreSize, offset + 12, "header data size " + storeSize + " exceeds the limit of " + maxStoreSize + " bytes");
    long length = count * ENTRY + storeSize;
    check(length <= fileSize - offset - INTRO, offset, "header of " + (INTRO + length) + " bytes runs past the end of the file ("
        + (fileSize - offset) + " bytes left)");
    ByteBuffer index = ByteBuffer.wrap(ChannelBytes.read(channel, offset + INTRO, (int) (count * ENTRY)));
    byte[] store = ChannelBytes.read(channel, offset + INTRO + count * ENTRY, (int) storeSize);
    return parse(offset, index, (int) count, store);
  }

  private static RpmHeader parse(long offset, ByteBuffer index, int count, byte[] store) {
    List<IndexEntry> entries = new ArrayList<>(count);
    Map<Integer, IndexEntry> byTag = new HashMap<>();
    for (int i = 0; i < count; i++) {
      long at = offset + INTRO + (long) i * ENTRY;
      IndexEntry entry = entry(index, i * ENTRY, at, store.length);
      check(byTag.put(entry.tag(), entry) == null, at, "tag " + entry.tag() + " appears twice");
      entries.add(entry);
    }
    return new RpmHeader(offset, Collections.unmodifiableList(entries), byTag, store);
  }

  private static IndexEntry entry(ByteBuffer index, int position, long at, int storeSize) {
    int tag = index.getInt(position);
    int typeNumber = index.getInt(position + 4);
    long offset = Integer.toUnsignedLong(index.getInt(position + 8));
    long count = Integer.toUnsignedLong(index.getInt(position + 12));
    TagType type = TagType.of(typeNumber);
    check(type != null, at + 4, "tag " + tag + " has unknown type " + typeNumber);
    check(offset < storeSize || (offset == storeSize && count == 0), at + 8,
        "tag " + tag + " data offset " + offset + " is past the data store (" + storeSize + " bytes)");
    check(count <= storeSize, at + 12, "tag " + tag + " count " + count + " exceeds the data store (" + storeSize + " bytes)");
    check(offset % type.alignment() == 0, at + 8, "tag " + tag + " data offset " + offset + " is not aligned for " + type);
    check(offset + count * type.size() <= storeSize, at + 12,
        "tag " + tag + " data of " + count + " " + type + " at " + offset + " runs past the data store (" + storeSize + " bytes)");
    return new IndexEntry(tag, type, (int) offset, (int) count);
  }

  /** Fails with a {@link MalformedInputException} about the rpm unless {@code condition} holds. */
  static void check(boolean condition, long offset, String reason) {
    MalformedInputException.verify(condition, FORMAT, offset, reason);
  }

  /** The header's bytes in the file: intro, index and data store. */
  public long size() {
    return INTRO + (long) entries.size() * ENTRY + store.length;
  }

  /** Where the header starts in its file. */
  public long fileOffset() {
    return fileOffset;
  }

  /** The index entries in file order. */
  public List<IndexEntry> entries() {
    return entries;
  }

  /** A copy of the data store. */
  public byte[] store() {
    return store.clone();
  }

  public Optional<IndexEntry> entry(int tag) {
    return Optional.ofNullable(byTag.get(tag));
  }

  /** The first string of a string-typed tag, or empty when the header lacks the tag. */
  public Optional<String> string(int tag) {
    List<String> strings = strings(tag, 1);
    return strings.isEmpty() ? Optional.empty() : Optional.of(strings.get(0));
  }

  /** Every string of a string-typed tag ({@code STRING}, {@code STRING_ARRAY}, {@code I18NSTRING}); empty when absent. */
  public List<String> strings(int tag) {
    return strings(tag, Integer.MAX_VALUE);
  }

  private List<String> strings(int tag, int most) {
    IndexEntry entry = byTag.get(tag);
    if (entry == null) {
      return List.of();
    }
    check(entry.type().isString(), storeOffset(entry.offset()), "tag " + tag + " is " + entry.type() + ", not a string");
    int count = entry.type() == TagType.STRING ? 1 : Math.min(entry.count(), most);
    List<String> strings = new ArrayList<>();
    int position = entry.offset();
    for (int i = 0; i < count; i++) {
      int end = position;
      while (end < store.length && store[end] != 0) {
        end++;
      }
      check(end < store.length, storeOffset(position), "tag " + tag + " string " + i + " has no terminating NUL in the data store");
      strings.add(new String(store, position, end - position, StandardCharsets.UTF_8));
      position = end + 1;
    }
    return strings;
  }

  /** The values of an integer-typed tag ({@code INT8} to {@code INT64}, unsigned up to 32 bits); empty when absent. */
  public long[] numbers(int tag) {
    IndexEntry entry = byTag.get(tag);
    if (entry == null) {
      return new long[0];
    }
    TagType type = entry.type();
    check(type.compareTo(TagType.CHAR) >= 0 && type.compareTo(TagType.INT64) <= 0, storeOffset(entry.offset()),
        "tag " + tag + " is " + type + ", not a number");
    ByteBuffer data = ByteBuffer.wrap(store);
    long[] values = new long[entry.count()];
    for (int i = 0; i < values.length; i++) {
      int at = entry.offset() + i * type.size();
      values[i] = switch (type) {
        case INT16 -> data.getShort(at) & 0xFFFFL;
        case INT32 -> data.getInt(at) & 0xFFFFFFFFL;
        case INT64 -> data.getLong(at);
        default -> data.get(at) & 0xFFL;
      };
    }
    return values;
  }

  /** The bytes of a {@code BIN} tag; empty when absent. */
  public byte[] bytes(int tag) {
    IndexEntry entry = byTag.get(tag);
    if (entry == null) {
      return new byte[0];
    }
    check(entry.type() == TagType.BIN, storeOffset(entry.offset()), "tag " + tag + " is " + entry.type() + ", not BIN");
    byte[] bytes = new byte[entry.count()];
    System.arraycopy(store, entry.offset(), bytes, 0, bytes.length);
    return bytes;
  }

  private long storeOffset(int offset) {
    return fileOffset + INTRO + (long) entries.size() * ENTRY + offset;
  }
}

package org.kslim.source.rpm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an rpm header as {@link RpmHeader} reads it and rpm writes it: intro, index entries
 * sorted by tag, the data store laid out in index order with each type's alignment and, when a
 * region tag is given, rpm's immutable region (its index entry first, its 16-byte trailer
 * closing the store).
 *
 * <pre>{@code
 * byte[] header = new RpmHeaderWriter()
 *     .string(RpmTag.NAME.number(), "kernel-modules-core")
 *     .int32(RpmTag.BUILDTIME.number(), List.of(1_700_000_000L))
 *     .build(RpmHeaderWriter.HEADERIMMUTABLE);
 * }</pre>
 */
public final class RpmHeaderWriter {
  /** The region tag of a signature header. */
  public static final int HEADERSIGNATURES = 62;
  /** The region tag of a main header. */
  public static final int HEADERIMMUTABLE = 63;
  /** No region: a bare header. */
  public static final int NO_REGION = 0;

  private record Value(TagType type, int count, byte[] data) {}

  private final Map<Integer, Value> values = new TreeMap<>();
  private final List<IndexEntry> raw = new ArrayList<>();

  public RpmHeaderWriter string(int tag, String value) {
    return add(tag, TagType.STRING, 1, strings(List.of(value)));
  }

  /** A string rpm translates ({@code SUMMARY}, {@code DESCRIPTION}, {@code GROUP}); one locale, {@code C}. */
  public RpmHeaderWriter i18nString(int tag, String value) {
    return add(tag, TagType.I18NSTRING, 1, strings(List.of(value)));
  }

  public RpmHeaderWriter strings(int tag, List<String> list) {
    return add(tag, TagType.STRING_ARRAY, list.size(), strings(list));
  }

  public RpmHeaderWriter int16(int tag, List<Integer> list) {
    ByteBuffer data = ByteBuffer.allocate(list.size() * 2);
    list.forEach(v -> data.putShort((short) (int) v));
    return add(tag, TagType.INT16, list.size(), data.array());
  }

  public RpmHeaderWriter int32(int tag, List<Long> list) {
    ByteBuffer data = ByteBuffer.allocate(list.size() * 4);
    list.forEach(v -> data.putInt((int) (long) v));
    return add(tag, TagType.INT32, list.size(), data.array());
  }

  public RpmHeaderWriter int64(int tag, List<Long> list) {
    ByteBuffer data = ByteBuffer.allocate(list.size() * 8);
    list.forEach(data::putLong);
    return add(tag, TagType.INT64, list.size(), data.array());
  }

  public RpmHeaderWriter bin(int tag, byte[] value) {
    return add(tag, TagType.BIN, value.length, value.clone());
  }

  /** Adds an index entry as given, pointing wherever the caller wants (for tests of hostile headers). */
  RpmHeaderWriter raw(IndexEntry entry) {
    raw.add(entry);
    return this;
  }

  /** The header without a region. */
  public byte[] build() {
    return build(NO_REGION);
  }

  /** The header, with the immutable region {@code regionTag} ({@link #HEADERIMMUTABLE}, {@link #HEADERSIGNATURES}) or {@link #NO_REGION}. */
  public byte[] build(int regionTag) {
    ByteArrayOutputStream store = new ByteArrayOutputStream();
    List<IndexEntry> index = new ArrayList<>();
    values.forEach((tag, value) -> {
      while (store.size() % value.type().alignment() != 0) {
        store.write(0);
      }
      index.add(new IndexEntry(tag, value.type(), store.size(), value.count()));
      store.writeBytes(value.data());
    });
    index.addAll(raw);
    if (regionTag != NO_REGION) {
      int count = index.size() + 1;
      index.add(0, new IndexEntry(regionTag, TagType.BIN, store.size(), RpmHeader.ENTRY));
      store.writeBytes(ByteBuffer.allocate(RpmHeader.ENTRY).putInt(regionTag).putInt(TagType.BIN.number())
          .putInt(-count * RpmHeader.ENTRY).putInt(RpmHeader.ENTRY).array());
    }
    byte[] data = store.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(RpmHeader.INTRO + index.size() * RpmHeader.ENTRY + data.length);
    out.putInt(RpmHeader.MAGIC).putInt(0).putInt(index.size()).putInt(data.length);
    for (IndexEntry entry : index) {
      out.putInt(entry.tag()).putInt(entry.type().number()).putInt(entry.offset()).putInt(entry.count());
    }
    out.put(data);
    return out.array();
  }

  private RpmHeaderWriter add(int tag, TagType type, int count, byte[] data) {
    if (values.put(tag, new Value(type, count, data)) != null) {
      throw new IllegalArgumentException("tag written twice: " + tag);
    }
    return this;
  }

  private static byte[] strings(List<String> list) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String value : list) {
      bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      bytes.write(0);
    }
    return bytes.toByteArray();
  }
}

package org.kslim.source.rpm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes an rpm header (intro, index, data store with each type's alignment) for tests. */
final class RpmHeaderWriter {
  private final List<IndexEntry> entries = new ArrayList<>();
  private final ByteArrayOutputStream store = new ByteArrayOutputStream();

  RpmHeaderWriter string(int tag, String value) {
    return add(tag, TagType.STRING, 1, strings(List.of(value)));
  }

  RpmHeaderWriter strings(int tag, List<String> values) {
    return add(tag, TagType.STRING_ARRAY, values.size(), strings(values));
  }

  RpmHeaderWriter int16(int tag, List<Integer> values) {
    ByteBuffer data = ByteBuffer.allocate(values.size() * 2);
    values.forEach(v -> data.putShort((short) (int) v));
    return add(tag, TagType.INT16, values.size(), data.array());
  }

  RpmHeaderWriter int32(int tag, List<Long> values) {
    ByteBuffer data = ByteBuffer.allocate(values.size() * 4);
    values.forEach(v -> data.putInt((int) (long) v));
    return add(tag, TagType.INT32, values.size(), data.array());
  }

  RpmHeaderWriter int64(int tag, List<Long> values) {
    ByteBuffer data = ByteBuffer.allocate(values.size() * 8);
    values.forEach(data::putLong);
    return add(tag, TagType.INT64, values.size(), data.array());
  }

  RpmHeaderWriter bin(int tag, byte[] value) {
    return add(tag, TagType.BIN, value.length, value);
  }

  /** Adds an index entry as given, pointing wherever the test wants. */
  RpmHeaderWriter raw(IndexEntry entry) {
    entries.add(entry);
    return this;
  }

  byte[] build() {
    byte[] data = store.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(RpmHeader.INTRO + entries.size() * RpmHeader.ENTRY + data.length);
    out.putInt(0x8EADE801).putInt(0).putInt(entries.size()).putInt(data.length);
    for (IndexEntry entry : entries) {
      out.putInt(entry.tag()).putInt(entry.type().number()).putInt(entry.offset()).putInt(entry.count());
    }
    out.put(data);
    return out.array();
  }

  private RpmHeaderWriter add(int tag, TagType type, int count, byte[] data) {
    while (store.size() % type.alignment() != 0) {
      store.write(0);
    }
    entries.add(new IndexEntry(tag, type, store.size(), count));
    store.writeBytes(data);
    return this;
  }

  private static byte[] strings(List<String> values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String value : values) {
      bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      bytes.write(0);
    }
    return bytes.toByteArray();
  }
}

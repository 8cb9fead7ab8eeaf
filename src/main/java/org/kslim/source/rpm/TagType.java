package org.kslim.source.rpm;

/**
 * The data types of rpm header tags, by their number in an index entry, with the size and
 * alignment of one element ({@code 0} size: variable, NUL-terminated strings).
 *
 * <pre>{@code
 * TagType type = header.entry(RpmTag.FILEMODES.number()).orElseThrow().type();  // INT16
 * int bytes = type.size() * count;                                           // 2 per mode
 * }</pre>
 */
public enum TagType {
  NULL(0, 0, 1),
  CHAR(1, 1, 1),
  INT8(2, 1, 1),
  INT16(3, 2, 2),
  INT32(4, 4, 4),
  INT64(5, 8, 8),
  STRING(6, 0, 1),
  BIN(7, 1, 1),
  STRING_ARRAY(8, 0, 1),
  I18NSTRING(9, 0, 1);

  private final int number;
  private final int size;
  private final int alignment;

  TagType(int number, int size, int alignment) {
    this.number = number;
    this.size = size;
    this.alignment = alignment;
  }

  /** The type with number {@code number}, or null when there is none. */
  static TagType of(int number) {
    return number >= 0 && number < values().length ? values()[number] : null;
  }

  public int number() {
    return number;
  }

  /** Bytes per element, 0 for the string types. */
  public int size() {
    return size;
  }

  public int alignment() {
    return alignment;
  }

  public boolean isString() {
    return this == STRING || this == STRING_ARRAY || this == I18NSTRING;
  }
}

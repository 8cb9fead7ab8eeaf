package org.kslim.source.rpm;

/**
 * One entry of an rpm header's index: which tag, of which type, where its data starts in the
 * header's data store and how many elements it holds.
 *
 * <pre>{@code
 * IndexEntry name = new IndexEntry(RpmTag.NAME.number(), TagType.STRING, 0, 1);
 * }</pre>
 *
 * @param tag tag number ({@link RpmTag})
 * @param type data type
 * @param offset offset of the first element in the data store
 * @param count number of elements (for {@link TagType#BIN}, bytes)
 */
public record IndexEntry(int tag, TagType type, int offset, int count) {}

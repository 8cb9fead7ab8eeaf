package org.kslim.source.deb;

/**
 * One member of an ar archive: its name (without the padding and the GNU {@code /} suffix) and
 * where its data lies in the file.
 *
 * @param name member name, e.g. {@code data.tar.xz}
 * @param headerOffset file offset of the member's 60-byte header
 * @param offset file offset of the member's data
 * @param size data bytes
 */
record ArMember(String name, long headerOffset, long offset, long size) {}

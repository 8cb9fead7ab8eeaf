package org.kslim.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the entries of a {@link KernelPackage} in archive order. {@code content} is open
 * only during the call, holds the entry's stored bytes (a {@code .ko.xz} stays compressed) and
 * is empty for anything but a {@link EntryType#FILE}; the visitor may read all, part or none of it.
 */
@FunctionalInterface
public interface EntryVisitor {
  void visit(Entry entry, InputStream content) throws IOException;
}

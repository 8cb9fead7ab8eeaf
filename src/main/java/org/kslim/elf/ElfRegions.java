package org.kslim.elf;

import java.io.IOException;

/**
 * Brings regions of an ELF file into the buffer it is read from before they are read: nothing to
 * do for a file wholly in memory ({@link #RESIDENT}); for a file read from a channel, only the
 * header, the section table, the section names and the sections asked for are ever read
 * ({@link ElfChannelReader}).
 */
interface ElfRegions {
  /** The whole file is in the buffer already. */
  ElfRegions RESIDENT = (offset, length) -> {};

  /**
   * Makes {@code length} bytes at {@code offset}, which lie in the file, readable in the buffer.
   *
   * @throws IOException when the file cannot be read, or is shorter than it was
   */
  void load(long offset, long length) throws IOException;
}

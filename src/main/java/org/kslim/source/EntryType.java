package org.kslim.source;

/** What an archive entry is. Device files, fifos and sockets are {@link #OTHER}. */
public enum EntryType {
  FILE,
  DIRECTORY,
  SYMLINK,
  HARDLINK,
  OTHER
}

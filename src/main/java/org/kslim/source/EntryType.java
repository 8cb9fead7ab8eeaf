package org.kslim.source;

/** What an archive entry is. Device files, fifos and sockets are {@link #OTHER}, which the package readers refuse. */
public enum EntryType {
  FILE,
  DIRECTORY,
  SYMLINK,
  HARDLINK,
  OTHER
}

package org.kslim.source;

/** The container a kernel was read from, recognised by magic bytes (or being a directory). */
public enum PackageFormat {
  DEB,
  RPM,
  TREE
}

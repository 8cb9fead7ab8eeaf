package org.kslim.source.rpm;

/**
 * What an rpm header records about one file of its payload.
 *
 * @param mode full mode: file type bits and permission bits
 * @param user owner name
 * @param group group name
 * @param mtime modification time, seconds since the epoch
 * @param size content bytes
 * @param linkTarget symlink target, empty for other files
 */
record RpmFile(int mode, String user, String group, long mtime, long size, String linkTarget) {}

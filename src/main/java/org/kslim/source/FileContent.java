package org.kslim.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The content of an entry that is a whole file on disk (an entry of a tree): read as a stream,
 * or mapped into memory in one call, so a visitor that needs a few parts of a large file reads
 * only the pages it touches.
 *
 * <pre>{@code
 * tree.forEachEntry((entry, content) -> {
 *   if (content instanceof FileContent file) {
 *     ByteBuffer bytes = file.map();   // stays valid after the visit
 *   }
 * });
 * }</pre>
 */
public final class FileContent extends InputStream {
  private final Path file;
  private final FileChannel channel;
  private final InputStream stream;

  private FileContent(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
    this.stream = Channels.newInputStream(channel);
  }

  /** Opens {@code file}, a regular file, without following a symlink. */
  public static FileContent open(Path file) throws IOException {
    return new FileContent(file, FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
  }

  /** The file the content is read from. */
  public Path file() {
    return file;
  }

  /** The file's size now. */
  public long size() throws IOException {
    return channel.size();
  }

  /**
   * The file's whole content (at most 2 GiB), mapped read-only, whatever was read of the stream; the mapping
   * stays valid once this content is closed, for as long as the buffer is referenced.
   */
  public MappedByteBuffer map() throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE) {
      throw new IOException(file + ": " + size + " bytes are too many to map");
    }
    return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
  }

  @Override
  public int read() throws IOException {
    return stream.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return stream.read(buffer, offset, length);
  }

  @Override
  public long skip(long count) throws IOException {
    return stream.skip(count);
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}

package org.kslim.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
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
  private FileChannel channel;
  private InputStream stream;
  private boolean closed;

  private FileContent(Path file) {
    this.file = file;
  }

  /**
   * The content of {@code file}, a regular file, opened (without following a symlink) when first
   * read, so a visitor that hands the file to another thread by {@link #file()} opens it only there.
   */
  public static FileContent open(Path file) {
    return new FileContent(file);
  }

  /** Opens {@code file}, a regular file, for reading without following a symlink. */
  public static FileChannel channel(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }

  private FileChannel channel() throws IOException {
    if (closed) {
      throw new ClosedChannelException();
    }
    if (channel == null) {
      channel = channel(file);
      stream = Channels.newInputStream(channel);
    }
    return channel;
  }

  /** The file the content is read from. */
  public Path file() {
    return file;
  }

  /** The file's size now. */
  public long size() throws IOException {
    return channel().size();
  }

  /**
   * The file's whole content (at most 2 GiB), mapped read-only, whatever was read of the stream; the mapping
   * stays valid once this content is closed, for as long as the buffer is referenced.
   */
  public MappedByteBuffer map() throws IOException {
    long size = channel().size();
    if (size > Integer.MAX_VALUE) {
      throw new IOException(file + ": " + size + " bytes are too many to map");
    }
    return channel().map(FileChannel.MapMode.READ_ONLY, 0, size);
  }

  @Override
  public int read() throws IOException {
    channel();
    return stream.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    channel();
    return stream.read(buffer, offset, length);
  }

  @Override
  public long skip(long count) throws IOException {
    channel();
    return stream.skip(count);
  }

  /** Closes the file, if it was opened. */
  @Override
  public void close() throws IOException {
    closed = true;
    if (stream != null) {
      stream.close();
    }
  }
}

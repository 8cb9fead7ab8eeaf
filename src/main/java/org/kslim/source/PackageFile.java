package org.kslim.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;

/**
 * Opens a package file for a reader, and locates the reader's errors in it: a
 * {@link MalformedInputException} not yet naming a file gets {@code path}, an
 * {@link IOException} becomes a {@link BadInputException} naming {@code path}.
 *
 * <pre>{@code
 * RpmLead lead = PackageFile.read(path, channel -> RpmLead.parse(ChannelBytes.read(channel, 0, 96)));
 * }</pre>
 */
public final class PackageFile {
  /** Reads something from an open package file. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(FileChannel channel) throws IOException;
  }

  private PackageFile() {}

  /** Runs {@code reader} on {@code path} opened for reading, then closes it. */
  public static <T> T read(Path path, Reader<T> reader) {
    try (FileChannel channel = FileChannel.open(path)) {
      return reader.read(channel);
    } catch (MalformedInputException e) {
      throw e.source() == null ? e.in(path.toString()) : e;
    } catch (IOException e) {
      throw cannotRead(path, e);
    }
  }

  /** {@code path} opened for reading; the caller closes it. */
  public static FileChannel open(Path path) {
    try {
      return FileChannel.open(path);
    } catch (IOException e) {
      throw cannotRead(path, e);
    }
  }

  private static BadInputException cannotRead(Path path, IOException e) {
    return new BadInputException(path + ": cannot read: " + e.getMessage(), e);
  }
}

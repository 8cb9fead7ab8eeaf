package org.kslim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that readers see either the old file or the whole new one, never a part:
 * the content goes to a temporary file in the same folder, which is then renamed into place.
 * A failed or killed write leaves at most a hidden {@code .NAME.*.tmp} file, never a partial
 * {@code NAME}; the next write of {@code NAME} removes what killed writes left. The rename
 * replaces whatever {@code NAME} was, a symlink included, and never writes through it.
 *
 * <pre>{@code
 * AtomicFile.writeString(Path.of("out/report.json"), json);
 * AtomicFile.write(Path.of("out/core.rpm"), out -> writer.writeTo(out));
 * }</pre>
 */
public final class AtomicFile {
  /** Writes the content of a file to {@code out}. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** rw-r--r--, as files written with the usual umask, whatever umask the temporary file was created under */
  private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

  private static final int MAX_TEMPORARY_ATTEMPTS = 1000;
  private static final AtomicLong TEMPORARY_COUNTER = new AtomicLong();

  private AtomicFile() {}

  public static void writeString(Path target, String text) {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes {@code content} to {@code target} atomically; fails with a one-line {@link BadInputException}. */
  public static void write(Path target, Content content) {
    Path folder = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      removeStaleTemporaries(folder, target.getFileName().toString());
      temporary = createTemporary(folder, prefix(target.getFileName().toString()));
      if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temporary, READABLE_BY_ALL);
      }
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      BadInputException error = new BadInputException(target + ": cannot write: " + e.getMessage(), e);
      removeAfterFailure(temporary, error);
      throw error;
    } catch (RuntimeException | Error e) {
      removeAfterFailure(temporary, e);
      throw e;
    }
  }

  /** The temporary files earlier writes of {@code name} left in {@code folder} (killed before their rename), removed. */
  private static void removeStaleTemporaries(Path folder, String name) throws IOException {
    String prefix = prefix(name);
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder,
        p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp"))) {
      for (Path file : stale) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * A new empty file {@code PREFIX<pid>.<n>.tmp} in {@code folder}: the process id and a counter
   * make it unique among writes, and creating it only where no file is keeps it unique against
   * anything else. (Named without {@code Files.createTempFile}, whose first call seeds a
   * {@code SecureRandom}: a few milliseconds of every short run, with other writers waiting.)
   */
  private static Path createTemporary(Path folder, String prefix) throws IOException {
    String stem = prefix + ProcessHandle.current().pid() + ".";
    for (int attempt = 0; attempt < MAX_TEMPORARY_ATTEMPTS; attempt++) {
      Path candidate = folder.resolve(stem + TEMPORARY_COUNTER.incrementAndGet() + ".tmp");
      try {
        Files.newByteChannel(candidate, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)).close();
        return candidate;
      } catch (FileAlreadyExistsException e) {
        // left by an earlier process that had this id: the next number
      }
    }
    throw new IOException("no free temporary file name " + stem + "N.tmp in " + folder);
  }

  private static String prefix(String name) {
    return "." + name + ".";
  }

  /** Removes the temporary file of a failed write; a failure to remove it is added to {@code failure}. */
  private static void removeAfterFailure(Path temporary, Throwable failure) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}

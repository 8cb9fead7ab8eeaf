package org.kslim.kmod;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.kslim.BadInputException;
import org.kslim.InputLimit;
import org.kslim.KslimException;
import org.kslim.MalformedInputException;
import org.kslim.elf.ElfChannelReader;
import org.kslim.elf.ElfFile;
import org.kslim.elf.ElfSection;
import org.kslim.source.Compression;
import org.kslim.source.FileContent;

/**
 * Turns the stored bytes of one module file (plain, or compressed with xz, zstd or gzip,
 * recognised by magic bytes) into a {@link ModuleFile}: name, sizes, {@code .modinfo}, and the
 * exported and undefined symbols exactly as kmod's depmod reads them.
 *
 * <pre>{@code
 * ModuleParser parser = new ModuleParser();
 * ModuleFile file = parser.parse("kernel/drivers/block/virtio_blk.ko.xz", Files.readAllBytes(path));
 * file.module().name();        // "virtio_blk"
 * file.module().exports();     // symbols other modules may use, with CRCs
 * }</pre>
 */
public final class ModuleParser {
  /** The default limit on a module's decompressed size. */
  public static final long DEFAULT_MAX_MODULE_SIZE = 256L << 20;
  /** The limit on a module's size, stored or decompressed, for reading packages: {@code kslim.limit.module-size}. */
  public static final InputLimit MODULE_SIZE = new InputLimit("module-size", DEFAULT_MAX_MODULE_SIZE);

  private static final List<String> SUFFIXES = List.of(".ko", ".ko.xz", ".ko.zst", ".ko.gz");
  private static final int MAGIC_BYTES = 6;
  /**
   * The largest plain module read a region at a time: the reader's buffer holds a file at its
   * own offsets, so a larger one (38 of the 6.1 generic kernel's 4,023 modules, up to 19 MB) is
   * mapped instead of growing each parsing thread's buffer to its size.
   */
  static final long MAX_REGION_READ_SIZE = 1 << 20;

  private final long maxModuleSize;

  public ModuleParser() {
    this(DEFAULT_MAX_MODULE_SIZE);
  }

  /** @param maxModuleSize the most bytes a module may decompress to */
  public ModuleParser(long maxModuleSize) {
    if (maxModuleSize <= 0 || maxModuleSize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxModuleSize must be 1.." + (Integer.MAX_VALUE - 8) + ": " + maxModuleSize);
    }
    this.maxModuleSize = maxModuleSize;
  }

  /** Whether a file name is a module's: {@code .ko}, {@code .ko.xz}, {@code .ko.zst} or {@code .ko.gz}. */
  public static boolean isModuleFileName(String fileName) {
    return SUFFIXES.stream().anyMatch(fileName::endsWith);
  }

  /**
   * The module name kmod derives from a path: the file name up to its first {@code .}, every
   * {@code -} turned into {@code _} ({@code kernel/fs/nls/nls_iso8859-1.ko.xz} gives {@code nls_iso8859_1}).
   */
  public static String moduleName(String path) {
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    int dot = fileName.indexOf('.');
    return (dot < 0 ? fileName : fileName.substring(0, dot)).replace('-', '_');
  }

  /**
   * Parses one module file.
   *
   * @param path the file's path relative to {@code lib/modules/VER}; errors are located with it
   * @param stored the file's bytes as stored
   */
  public ModuleFile parse(String path, byte[] stored) {
    return parse(path, path, stored);
  }

  /** Parses one module file, locating errors with {@code location} (a {@code package!entry}). */
  ModuleFile parse(String path, String location, byte[] stored) {
    return parse(path, location, ByteBuffer.wrap(stored));
  }

  /** Parses the remaining bytes of {@code stored} (a mapped file, say), locating errors with {@code location}. */
  ModuleFile parse(String path, String location, ByteBuffer stored) {
    return parse(path, location, stored, decompress(location, stored));
  }

  /** Parses a module whose stored bytes {@code stored} were already decompressed into {@code data}. */
  ModuleFile parse(String path, String location, ByteBuffer stored, ByteBuffer data) {
    return module(path, ElfFile.parse(location, data), stored.remaining(), data.remaining());
  }

  /**
   * Parses the module file {@code file} (a symlink is not followed). A plain one is read a region
   * at a time through {@code reader}, which reads just what depmod reads of it (headers, symbols,
   * strings, {@code .modinfo}); one over {@link #MAX_REGION_READ_SIZE} is mapped; a compressed one
   * is mapped whole and decompressed.
   *
   * @throws BadInputException when the file is larger than the limit, cannot be read, or is malformed
   */
  ModuleFile parse(String path, String location, Path file, ElfChannelReader reader) {
    try (FileChannel channel = FileContent.channel(file)) {
      long size = channel.size();
      EntryBytes.checkLimit(size, location, maxModuleSize);
      if (size <= MAX_REGION_READ_SIZE) {
        try {
          return module(path, reader.read(location, channel, size), size, size);
        } catch (MalformedInputException e) {
          // rarely so: a module compressed under a plain name is no ELF file, and is mapped below;
          // checked only now, so that each plain module costs no read of its magic bytes
          if (!compressed(channel, size)) {
            throw e;
          }
        }
      }
      return parse(path, location, channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
    } catch (IOException e) {
      throw new BadInputException(location + ": cannot read: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new BadInputException(location + ": " + e.getMessage(), e);
    }
  }

  /** Whether the file's first bytes are those of a compressed stream. */
  private static boolean compressed(FileChannel channel, long size) throws IOException {
    ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, MAGIC_BYTES));
    while (head.hasRemaining()) {
      if (channel.read(head, head.position()) < 0) {
        break;
      }
    }
    return Compression.detect(head.array(), head.position()) != Compression.NONE;
  }

  private static ModuleFile module(String path, ElfFile elf, long storedSize, long size) {
    ModuleSymbols symbols = new ModuleSymbols(elf);
    Module module = new Module(path, moduleName(path), storedSize, size, modinfo(elf), symbols.exports(), symbols.undefined());
    return new ModuleFile(module, ModuleElf.of(elf.header()));
  }

  private ByteBuffer decompress(String location, ByteBuffer stored) {
    byte[] head = new byte[Math.min(stored.remaining(), MAGIC_BYTES)];
    stored.get(stored.position(), head);
    Compression compression = Compression.detect(head, head.length);
    if (compression == Compression.NONE) {
      return stored;
    }
    try (InputStream in = compression.decompress(new BufferInput(stored), maxModuleSize)) {
      return ByteBuffer.wrap(in.readAllBytes());
    } catch (KslimException e) {
      throw new BadInputException(location + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      // decoders report corrupt data with IOExceptions and, some of them, unchecked exceptions
      throw new BadInputException(location + ": corrupt " + compression + " data: " + e.getMessage(), e);
    }
  }

  private static ModInfo modinfo(ElfFile elf) {
    Optional<ElfSection> section = elf.section(".modinfo");
    if (section.isEmpty()) {
      return ModInfo.EMPTY;
    }
    return new ModInfo(ModuleStrings.fields(elf.bytes(section.get())));
  }
}

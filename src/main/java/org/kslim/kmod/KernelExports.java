package org.kslim.kmod;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.kslim.BadInputException;
import org.kslim.InputLimit;
import org.kslim.elf.ElfFile;
import org.kslim.source.KernelPackage;

/**
 * The symbols a kernel exports, with CRCs, owners and namespaces, read from any of:
 * {@code Module.symvers}, a linux-headers package holding one, a {@code System.map}, or the
 * kernel image itself (an ELF vmlinux, or an x86 bzImage whose compressed vmlinux keeps its
 * export tables).
 *
 * <pre>{@code
 * KernelExports fromImage = KernelExports.fromImage(Path.of("boot/vmlinuz-6.1.0-56-cloud-amd64"));
 * KernelExports fromSymvers = KernelExports.fromSymvers(Path.of("Module.symvers")).kernelOnly();
 * fromImage.get("printk").map(KernelExport::crc);
 * }</pre>
 */
public final class KernelExports {
  /** The default limit on a decompressed kernel image. */
  public static final long DEFAULT_MAX_IMAGE_SIZE = 1L << 30;
  /** The limit on a kernel image's size, stored or decompressed: {@code kslim.limit.image-size}. */
  public static final InputLimit IMAGE_SIZE = new InputLimit("image-size", DEFAULT_MAX_IMAGE_SIZE);

  private static final String SYMVERS = "Module.symvers";

  private final String source;
  private final Map<String, KernelExport> byName;

  private KernelExports(String source, List<KernelExport> exports) {
    this.source = source;
    Map<String, KernelExport> map = new LinkedHashMap<>();
    for (KernelExport export : exports) {
      map.putIfAbsent(export.name(), export);
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  /** Reads a {@code Module.symvers} file: the kernel's and every module's exports. */
  public static KernelExports fromSymvers(Path file) {
    return read(file, SymversTable::read);
  }

  public static KernelExports fromSymvers(String name, InputStream in) throws IOException {
    return new KernelExports(name, SymversTable.read(name, in));
  }

  /** Reads the exports a {@code System.map} names ({@code __ksymtab_*}, with CRCs only where absolute {@code __crc_*} exist). */
  public static KernelExports fromSystemMap(Path file) {
    return read(file, SystemMapFile::read);
  }

  public static KernelExports fromSystemMap(String name, InputStream in) throws IOException {
    return new KernelExports(name, SystemMapFile.read(name, in));
  }

  /** Reads the first {@code Module.symvers} of a linux-headers package. */
  public static KernelExports fromHeadersPackage(KernelPackage headers) throws IOException {
    AtomicReference<KernelExports> found = new AtomicReference<>();
    headers.forEachEntry((entry, content) -> {
      String path = entry.path();
      if (found.get() == null && entry.isFile() && (path.equals(SYMVERS) || path.endsWith("/" + SYMVERS))) {
        found.set(fromSymvers(headers.path() + "!" + path, content));
      }
    });
    if (found.get() == null) {
      throw new BadInputException(headers.path() + ": holds no " + SYMVERS);
    }
    return found.get();
  }

  /** Reads the export tables of a kernel image file (ELF vmlinux or x86 bzImage). */
  public static KernelExports fromImage(Path file) {
    long limit = IMAGE_SIZE.value();
    try {
      long size = Files.size(file);
      if (size > limit) {
        throw new BadInputException(file + ": an image of " + size + " bytes exceeds the limit of " + limit + " bytes");
      }
      return fromImage(file.toString(), Files.readAllBytes(file), limit);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the export tables of a kernel image.
   *
   * @throws org.kslim.UsageException for an image that is neither ELF nor a bzImage (arm64's
   *     {@code Image}): its exports need {@code --symvers} or a {@code System.map}
   */
  public static KernelExports fromImage(String name, byte[] image, long maxImageSize) {
    ElfFile vmlinux = ElfFile.parse(name, KernelImage.vmlinux(name, image, maxImageSize));
    return new KernelExports(name, ImageExports.read(vmlinux));
  }

  /** Reads the kernel image entry {@code imagePath} of a package (see {@link ModuleSet#kernelImage()}). */
  public static KernelExports fromPackageImage(KernelPackage pkg, String imagePath) throws IOException {
    AtomicReference<KernelExports> found = new AtomicReference<>();
    pkg.forEachEntry((entry, content) -> {
      if (entry.path().equals(imagePath) && entry.isFile()) {
        String name = pkg.path() + "!" + imagePath;
        long limit = IMAGE_SIZE.value();
        found.set(fromImage(name, EntryBytes.read(content, name, limit), limit));
      }
    });
    if (found.get() == null) {
      throw new BadInputException(pkg.path() + ": holds no file " + imagePath);
    }
    return found.get();
  }

  /** Where these exports were read from. */
  public String source() {
    return source;
  }

  /** Every export, in the source's order. */
  public List<KernelExport> all() {
    return List.copyOf(byName.values());
  }

  public Optional<KernelExport> get(String symbol) {
    return Optional.ofNullable(byName.get(symbol));
  }

  public int size() {
    return byName.size();
  }

  /** Only the exports of the kernel image ({@code vmlinux}), as depmod takes them from {@code Module.symvers}. */
  public KernelExports kernelOnly() {
    return new KernelExports(source, byName.values().stream().filter(KernelExport::isFromKernelImage).toList());
  }

  private interface Reader {
    List<KernelExport> read(String name, InputStream in) throws IOException;
  }

  private static KernelExports read(Path file, Reader reader) {
    try (InputStream in = Files.newInputStream(file)) {
      return new KernelExports(file.toString(), reader.read(file.toString(), in));
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}

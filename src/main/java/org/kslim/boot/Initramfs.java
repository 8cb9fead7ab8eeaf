package org.kslim.boot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kslim.BadInputException;
import org.kslim.check.ModulePlacement;
import org.kslim.kmod.DependencyResolver;
import org.kslim.kmod.DepmodIndexWriter;
import org.kslim.kmod.DepmodResult;
import org.kslim.kmod.Module;
import org.kslim.kmod.ModuleSet;
import org.kslim.source.Entry;

/**
 * Builds the boot test's initramfs: busybox as {@code /bin/busybox}, kslim's {@code /init}
 * script, the chosen modules of a kernel package under {@code lib/modules/VER} with their
 * modules.dep, .alias, .softdep, .symbols and .devname written for those modules alone, and
 * modules.builtin; and takes the kernel image out of the package in the same pass.
 *
 * <pre>{@code
 * Initramfs.Built built = Initramfs.build(placement, placement.split().modules("modules-core"),
 *     Path.of("/bin/busybox"), InitramfsCompression.GZIP, workDir);
 * built.initramfs(); built.kernel();
 * }</pre>
 */
public final class Initramfs {
  static final String INIT_RESOURCE = "org/kslim/boot/init.sh";

  /** The files written: the initramfs, the kernel image, and how many modules went in. */
  public record Built(Path initramfs, Path kernel, int modules) {}

  private Initramfs() {}

  /**
   * @param modulePaths the modules to include, by path relative to lib/modules/VER
   * @param workDir where {@code initramfs.img} and {@code vmlinuz} are written (created if missing)
   */
  public static Built build(ModulePlacement placement, List<String> modulePaths, Path busybox,
      InitramfsCompression compression, Path workDir) throws IOException {
    ModuleSet set = placement.modules();
    Entry kernelEntry = set.kernelImage().orElseThrow(() ->
        new BadInputException(placement.kernelPackage().path() + ": no kernel image (boot/vmlinuz-VER) to boot"));
    if (!Files.isRegularFile(busybox)) {
      throw new BadInputException(busybox + ": no busybox there (install busybox-static, or name one with --busybox)");
    }
    Files.createDirectories(workDir);
    Set<String> wanted = Set.copyOf(modulePaths);
    Path kernel = workDir.resolve("vmlinuz");
    Path image = workDir.resolve("initramfs.img");
    String prefix = set.modulesRoot() + "/";
    String target = "lib/modules/" + set.kernelVersion() + "/";
    Set<String> added = new HashSet<>();
    try (CpioWriter cpio = new CpioWriter(compression.wrap(new BufferedOutputStream(Files.newOutputStream(image), 1 << 16)))) {
      try (InputStream in = Files.newInputStream(busybox)) {
        cpio.file("bin/busybox", 0755, Files.size(busybox), in);
      }
      cpio.file("init", 0755, initScript());
      placement.kernelPackage().forEachEntry((entry, content) -> {
        if (entry.path().equals(kernelEntry.path())) {
          Files.copy(content, kernel);
        } else if (entry.isFile() && entry.path().startsWith(prefix) && wanted.contains(entry.path().substring(prefix.length()))) {
          String relative = entry.path().substring(prefix.length());
          cpio.file(target + relative, 0644, entry.size(), content);
          added.add(relative);
        }
      });
      writeIndexes(cpio, set, wanted, target, workDir.resolve("indexes"));
    }
    if (!Files.isRegularFile(kernel)) {
      throw new BadInputException(placement.kernelPackage().path() + ": the kernel image " + kernelEntry.path() + " is not a file");
    }
    return new Built(image, kernel, added.size());
  }

  private static void writeIndexes(CpioWriter cpio, ModuleSet set, Set<String> wanted, String target, Path folder)
      throws IOException {
    List<Module> modules = set.modules().stream().filter(m -> wanted.contains(m.path())).toList();
    List<String> order = set.modulesOrder().stream().filter(wanted::contains).toList();
    DepmodResult result = DependencyResolver.resolve(modules, order);
    for (Path file : DepmodIndexWriter.write(result, folder)) {
      cpio.file(target + file.getFileName(), 0644, Files.readAllBytes(file));
    }
    cpio.file(target + "modules.builtin", 0644,
        (String.join("\n", set.modulesBuiltin()) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static byte[] initScript() throws IOException {
    try (InputStream in = Initramfs.class.getClassLoader().getResourceAsStream(INIT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(INIT_RESOURCE + " is missing from the kslim jar");
      }
      return in.readAllBytes();
    }
  }
}

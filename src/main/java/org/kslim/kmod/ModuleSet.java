package org.kslim.kmod;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kslim.source.Entry;

/**
 * Everything kslim knows about one kernel of a package: its version, every module parsed, the
 * package's own module lists, the kernel image, and every other entry for size accounting.
 *
 * <pre>{@code
 * ModuleSet set = new ModuleSetReader().read(PackageReader.open(Path.of("linux-image.deb")));
 * set.kernelVersion();                       // "6.1.0-56-cloud-amd64"
 * set.modules().size();                      // 1121
 * set.file("kernel/fs/ext4/ext4.ko").map(f -> f.elf().describe());
 * }</pre>
 *
 * @param kernelVersion VER of {@code lib/modules/VER}
 * @param modulesRoot {@code lib/modules/VER} or {@code usr/lib/modules/VER}, as the package has it
 * @param files every parsed module, sorted by path (relative to {@link #modulesRoot})
 * @param modulesOrder the lines of {@code modules.order}, empty when the package has none
 * @param modulesBuiltin the lines of {@code modules.builtin}
 * @param builtinModinfo {@code modules.builtin.modinfo} by built-in module name, in file order
 * @param kernelImage {@code boot/vmlinuz-VER} (or {@code vmlinux-VER}), else {@code ROOT/vmlinuz}
 * @param bootFiles every entry under {@code boot/}
 * @param otherEntries every entry that is not a parsed module, in package order
 * @param problems modules that could not be parsed (only when reading kept going), sorted by path
 */
public record ModuleSet(
    String kernelVersion,
    String modulesRoot,
    List<ModuleFile> files,
    List<String> modulesOrder,
    List<String> modulesBuiltin,
    Map<String, ModInfo> builtinModinfo,
    Optional<Entry> kernelImage,
    List<Entry> bootFiles,
    List<Entry> otherEntries,
    List<ModuleProblem> problems) {
  public ModuleSet {
    Objects.requireNonNull(kernelVersion, "kernelVersion");
    Objects.requireNonNull(modulesRoot, "modulesRoot");
    Objects.requireNonNull(kernelImage, "kernelImage");
    files = List.copyOf(files);
    modulesOrder = List.copyOf(modulesOrder);
    modulesBuiltin = List.copyOf(modulesBuiltin);
    builtinModinfo = Collections.unmodifiableMap(new LinkedHashMap<>(builtinModinfo));
    bootFiles = List.copyOf(bootFiles);
    otherEntries = List.copyOf(otherEntries);
    problems = List.copyOf(problems);
  }

  /** Every parsed module, sorted by path. */
  public List<Module> modules() {
    return files.stream().map(ModuleFile::module).toList();
  }

  /** The module file at {@code path} (relative to {@link #modulesRoot}). */
  public Optional<ModuleFile> file(String path) {
    return files.stream().filter(f -> f.module().path().equals(path)).findFirst();
  }
}

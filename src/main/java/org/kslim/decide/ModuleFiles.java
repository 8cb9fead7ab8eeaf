package org.kslim.decide;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kslim.size.FileSizes;
import org.kslim.size.PackageSizes;
import org.kslim.size.SizeSheet;

/** The measured file of every module, by its path relative to lib/modules/VER. */
final class ModuleFiles {
  private static final String MODULES = "lib/modules/";

  private final Map<String, FileSizes> byModule = new HashMap<>();

  ModuleFiles(SizeSheet sheet) {
    for (PackageSizes pkg : sheet.packages()) {
      for (FileSizes file : pkg.files()) {
        modulePath(file.path()).ifPresent(path -> byModule.put(path, file));
      }
    }
  }

  /** The file of the module at {@code modulePath}; empty when it was not measured. */
  Optional<FileSizes> of(String modulePath) {
    return Optional.ofNullable(byModule.get(modulePath));
  }

  /** {@code kernel/fs/ext4/ext4.ko} for {@code ./usr/lib/modules/VER/kernel/fs/ext4/ext4.ko}. */
  static Optional<String> modulePath(String entryPath) {
    int at = entryPath.indexOf(MODULES);
    if (at < 0) {
      return Optional.empty();
    }
    String inVersion = entryPath.substring(at + MODULES.length());
    int slash = inVersion.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(inVersion.substring(slash + 1));
  }
}

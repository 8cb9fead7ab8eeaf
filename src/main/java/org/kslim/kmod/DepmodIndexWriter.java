package org.kslim.kmod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes depmod's text index files for a {@link DepmodResult} into a folder (the
 * {@code lib/modules/VER} folder, or any other), each through a temporary file in that folder
 * renamed into place.
 *
 * <pre>{@code
 * List<Path> written = DepmodIndexWriter.write(result, Path.of("out/6.1.0-56-cloud-amd64"));
 * }</pre>
 */
public final class DepmodIndexWriter {
  /** The files written, with what each holds. */
  static final Map<String, Function<DepmodResult, String>> FILES = files();

  private DepmodIndexWriter() {}

  /** Writes modules.dep, .alias, .softdep, .symbols and .devname into {@code folder} (created if missing). */
  public static List<Path> write(DepmodResult result, Path folder) throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, Function<DepmodResult, String>> file : FILES.entrySet()) {
      Path target = folder.resolve(file.getKey());
      writeAtomically(target, file.getValue().apply(result).getBytes(StandardCharsets.UTF_8));
      written.add(target);
    }
    return written;
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(temporary, content);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Map<String, Function<DepmodResult, String>> files() {
    Map<String, Function<DepmodResult, String>> files = new LinkedHashMap<>();
    files.put("modules.dep", DepmodText::modulesDep);
    files.put("modules.alias", DepmodText::modulesAlias);
    files.put("modules.softdep", DepmodText::modulesSoftdep);
    files.put("modules.symbols", DepmodText::modulesSymbols);
    files.put("modules.devname", DepmodText::modulesDevname);
    return Collections.unmodifiableMap(files);
  }
}

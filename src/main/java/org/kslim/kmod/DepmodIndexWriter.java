package org.kslim.kmod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.kslim.AtomicFile;

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

  /**
   * Writes modules.dep, .alias, .softdep, .symbols and .devname into {@code folder} (created if
   * missing), side by side on the machine's cores: each file is made and written on its own.
   *
   * @return the files, in the order above
   */
  public static List<Path> write(DepmodResult result, Path folder) {
    List<Callable<Path>> writes = new ArrayList<>();
    for (Map.Entry<String, Function<DepmodResult, String>> file : FILES.entrySet()) {
      writes.add(() -> {
        Path target = folder.resolve(file.getKey());
        AtomicFile.writeString(target, file.getValue().apply(result));
        return target;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(writes.size(), Runtime.getRuntime().availableProcessors()));
    try {
      List<Path> written = new ArrayList<>();
      for (Future<Path> write : pool.invokeAll(writes)) {
        written.add(write.get());
      }
      return written;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing into " + folder, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      throw new IllegalStateException("writing into " + folder + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
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

package org.kslim.kmod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.kslim.AtomicFile;

/**
 * Writes depmod's text index files for a {@link DepmodResult} into a folder (the
 * {@code lib/modules/VER} folder, or any other), each through a temporary file in that folder
 * renamed into place, side by side on the machine's cores.
 *
 * <pre>{@code
 * List<Path> written = DepmodIndexWriter.write(result, Path.of("out/6.1.0-56-cloud-amd64"));
 * }</pre>
 *
 * <p>Three of the five files (alias, softdep, devname) hold only what the modules' {@code .modinfo}
 * says, in depmod's module order: {@link #start} writes them while the dependencies are still
 * being resolved, and {@link Writing#finish} adds the other two.
 */
public final class DepmodIndexWriter {
  /** The files made from the modules alone, in depmod's order. */
  private static final Map<String, Function<List<Module>, String>> MODINFO_FILES = modinfoFiles();
  /** The files made from the resolved dependencies and symbols. */
  private static final Map<String, Function<DepmodResult, String>> RESOLVED_FILES = resolvedFiles();
  /** Every file, in the order {@link #write} returns them. */
  private static final List<String> FILES = List.of("modules.dep", "modules.alias", "modules.softdep", "modules.symbols",
      "modules.devname");

  private DepmodIndexWriter() {}

  /**
   * Writes modules.dep, .alias, .softdep, .symbols and .devname into {@code folder} (created if
   * missing), each made and written on its own.
   *
   * @return the files, in the order above
   */
  public static List<Path> write(DepmodResult result, Path folder) {
    return start(result.modules(), folder).finish(result);
  }

  /**
   * Starts writing the files of {@code ordered}'s modinfo into {@code folder}; the rest follow
   * when the result they need is {@linkplain Writing#finish finished}.
   *
   * @param ordered the modules in depmod's order, as {@link DependencyResolver} orders them
   */
  static Writing start(List<Module> ordered, Path folder) {
    return new Writing(ordered, folder);
  }

  /** Writing in progress: a pool with the modinfo files under way. */
  static final class Writing {
    private final Path folder;
    private final ExecutorService pool;
    private final Map<String, Future<Path>> files = new LinkedHashMap<>();

    private Writing(List<Module> ordered, Path folder) {
      this.folder = folder;
      this.pool = Executors.newFixedThreadPool(Math.min(FILES.size(), Runtime.getRuntime().availableProcessors()));
      MODINFO_FILES.forEach((name, text) -> files.put(name, pool.submit(() -> written(name, text.apply(ordered)))));
    }

    /**
     * Writes the files of {@code result} and waits for all of them.
     *
     * @param result what the modules given to {@link #start} resolve to
     * @return the files, in the order of {@link #FILES}
     */
    List<Path> finish(DepmodResult result) {
      try {
        RESOLVED_FILES.forEach((name, text) -> files.put(name, pool.submit(() -> written(name, text.apply(result)))));
        List<Path> written = new ArrayList<>();
        for (String name : FILES) {
          written.add(files.get(name).get());
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

    /** Abandons the writing (the resolving failed): what was started is let finish or stopped, nothing more is begun. */
    void abandon() {
      pool.shutdownNow();
    }

    private Path written(String name, String text) {
      Path target = folder.resolve(name);
      AtomicFile.writeString(target, text);
      return target;
    }
  }

  private static Map<String, Function<List<Module>, String>> modinfoFiles() {
    Map<String, Function<List<Module>, String>> files = new LinkedHashMap<>();
    files.put("modules.alias", DepmodText::modulesAlias);
    files.put("modules.softdep", DepmodText::modulesSoftdep);
    files.put("modules.devname", DepmodText::modulesDevname);
    return Collections.unmodifiableMap(files);
  }

  private static Map<String, Function<DepmodResult, String>> resolvedFiles() {
    Map<String, Function<DepmodResult, String>> files = new LinkedHashMap<>();
    files.put("modules.dep", DepmodText::modulesDep);
    files.put("modules.symbols", DepmodText::modulesSymbols);
    return Collections.unmodifiableMap(files);
  }
}

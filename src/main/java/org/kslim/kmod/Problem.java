package org.kslim.kmod;

import java.util.List;
import java.util.Objects;

/**
 * Something wrong with a kernel's modules that depmod silently works around or only warns about:
 * kslim names each one, and {@code --strict} turns them into an error. Modules are named by their
 * path relative to {@code lib/modules/VER}, as depmod names them in its warnings.
 *
 * <pre>{@code
 * for (Problem problem : result.problems()) {
 *   System.err.println(problem.describe());
 * }
 * }</pre>
 */
public sealed interface Problem {
  /** One line for a person: what is wrong, and where. */
  String describe();

  /** A copy of {@code candidates}, which must hold {@code winner}. */
  private static List<String> among(List<String> candidates, String winner) {
    if (!candidates.contains(winner)) {
      throw new IllegalArgumentException("winner " + winner + " is not among " + candidates);
    }
    return List.copyOf(candidates);
  }

  /** {@code module} needs {@code symbol}, which neither the kernel nor any module exports. */
  record UnresolvedSymbol(String module, String symbol) implements Problem {
    public UnresolvedSymbol {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(symbol, "symbol");
    }

    @Override
    public String describe() {
      return module + " needs unknown symbol " + symbol;
    }
  }

  /**
   * {@code symbol} is exported by several modules (or by the kernel, named {@value #KERNEL}, and
   * modules); depmod takes the last module in modules.dep order, {@code winner}.
   */
  record DuplicateExport(String symbol, List<String> exporters, String winner) implements Problem {
    /** How the kernel image is named among the exporters. */
    public static final String KERNEL = "vmlinux";

    public DuplicateExport {
      Objects.requireNonNull(symbol, "symbol");
      exporters = among(exporters, winner);
    }

    @Override
    public String describe() {
      return "symbol " + symbol + " exported by " + String.join(", ", exporters) + "; " + winner + " wins";
    }
  }

  /**
   * Two modules named alike; depmod keeps {@code winner} (one under {@code updates/} before any
   * other, else the first found) and ignores the rest.
   */
  record DuplicateModule(String name, List<String> paths, String winner) implements Problem {
    public DuplicateModule {
      paths = among(paths, Objects.requireNonNull(winner, "winner"));
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "module " + name + " found at " + String.join(", ", paths) + "; " + winner + " wins";
    }
  }

  /**
   * Modules that need each other in a ring: {@code modules.get(0)} needs {@code modules.get(1)}...
   * and the last needs the first. kmod's depmod 30 then writes nothing at all; kslim leaves them,
   * and every module only they need, out of modules.dep.
   */
  record DependencyCycle(List<String> modules) implements Problem {
    public DependencyCycle {
      modules = List.copyOf(modules);
      if (modules.isEmpty()) {
        throw new IllegalArgumentException("a cycle needs at least one module: " + modules);
      }
    }

    @Override
    public String describe() {
      return "dependency cycle: " + String.join(" -> ", modules) + " -> " + modules.get(0);
    }
  }

  /** {@code module} was built against another version of {@code symbol} than its exporter has. */
  record CrcMismatch(String module, String symbol, long moduleCrc, long exporterCrc) implements Problem {
    public CrcMismatch {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(symbol, "symbol");
    }

    @Override
    public String describe() {
      return String.format("%s disagrees about version of symbol %s (needs 0x%08x, exported 0x%08x)",
          module, symbol, moduleCrc, exporterCrc);
    }
  }

  /**
   * The module names in {@code module}'s {@code depends=} modinfo differ from the modules that
   * export the symbols it needs.
   */
  record DeclaredDependsMismatch(String module, List<String> declared, List<String> resolved) implements Problem {
    public DeclaredDependsMismatch {
      Objects.requireNonNull(module, "module");
      declared = List.copyOf(declared);
      resolved = List.copyOf(resolved);
    }

    @Override
    public String describe() {
      return module + " declares depends=" + String.join(",", declared)
          + " but its symbols come from " + (resolved.isEmpty() ? "no module" : String.join(",", resolved));
    }
  }
}

package org.kslim.kmod;

import java.nio.file.Path;

/**
 * How {@link Depmod#run} works: the kernel's {@code Module.symvers} (depmod's {@code -E}), which
 * kernel of a package holding several, and whether modules that cannot be parsed are skipped
 * (and reported) rather than fatal.
 *
 * <pre>{@code
 * DepmodOptions options = DepmodOptions.DEFAULTS.withSymvers(Path.of("Module.symvers")).withKeepGoing(true);
 * }</pre>
 *
 * @param symvers the kernel's Module.symvers, or null to resolve without the kernel's exports
 * @param kernelVersion the kernel to take from the package, or null when it holds only one
 * @param keepGoing whether an unreadable module is reported and skipped instead of failing the run
 */
public record DepmodOptions(Path symvers, String kernelVersion, boolean keepGoing) {
  public static final DepmodOptions DEFAULTS = new DepmodOptions(null, null, false);

  public DepmodOptions withSymvers(Path file) {
    return new DepmodOptions(file, kernelVersion, keepGoing);
  }

  public DepmodOptions withKernelVersion(String version) {
    return new DepmodOptions(symvers, version, keepGoing);
  }

  public DepmodOptions withKeepGoing(boolean keep) {
    return new DepmodOptions(symvers, kernelVersion, keep);
  }
}

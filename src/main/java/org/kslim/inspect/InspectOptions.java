package org.kslim.inspect;

import java.nio.file.Path;

/**
 * How to inspect a package.
 *
 * <pre>{@code
 * InspectOptions options = InspectOptions.DEFAULTS.withSymvers(Path.of("Module.symvers"));
 * }</pre>
 *
 * @param kernelVersion which kernel of a package holding several, or null
 * @param symvers the kernel's exports (Module.symvers, a linux-headers package or System.map), or
 *     null to read them from the package's own kernel image where it is an ELF or bzImage
 * @param keepGoing report unparseable modules and go on
 */
public record InspectOptions(String kernelVersion, Path symvers, boolean keepGoing) {
  public static final InspectOptions DEFAULTS = new InspectOptions(null, null, false);

  public InspectOptions withKernelVersion(String value) {
    return new InspectOptions(value, symvers, keepGoing);
  }

  public InspectOptions withSymvers(Path value) {
    return new InspectOptions(kernelVersion, value, keepGoing);
  }

  public InspectOptions withKeepGoing(boolean value) {
    return new InspectOptions(kernelVersion, symvers, value);
  }
}

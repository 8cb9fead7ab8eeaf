package org.kslim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads a kernel package shares. */
final class PackageOptions {
  @Parameters(index = "0", paramLabel = "PACKAGE", description = "a .deb, an .rpm or a folder holding lib/modules/VER")
  Path packagePath;

  @Option(names = "--kver", paramLabel = "VER", description = "the kernel to use when the package holds several")
  String kernelVersion;

  @Option(names = "--symvers", paramLabel = "FILE",
      description = "the kernel's exports: Module.symvers, System.map or a linux-headers package")
  Path symvers;

  @Option(names = "--keep-going", description = "skip (and report) modules that cannot be parsed")
  boolean keepGoing;
}

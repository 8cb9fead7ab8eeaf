package org.kslim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The kernel package and policy of the commands that place modules without measuring them ({@code cover}, {@code boot-test}). */
final class PolicyPackageOptions {
  @Parameters(index = "0", paramLabel = "PACKAGE", description = "a .deb, an .rpm or a folder holding lib/modules/VER")
  Path packagePath;

  @Option(names = "--policy", paramLabel = "FILE", description = "the split policy (default: the shipped policies/cloud.yaml)")
  Path policy;
}

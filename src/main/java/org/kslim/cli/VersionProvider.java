package org.kslim.cli;

import picocli.CommandLine;

/** The version printed by {@code kslim --version}, from the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"kslim " + (version == null ? "development build" : version)};
  }
}

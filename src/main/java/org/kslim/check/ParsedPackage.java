package org.kslim.check;

import java.util.List;
import java.util.Objects;
import org.kslim.kmod.ModuleSet;
import org.kslim.size.HashedEntry;

/**
 * What one reading of a package file found: its modules, and every entry in archive order with
 * its content hash. Kept in the {@link ParseCache}, it places and measures the package again
 * without decoding it.
 *
 * @param modules the parsed modules of the kernel
 * @param entries every entry of the package, in archive order, with its content's SHA-256
 */
record ParsedPackage(ModuleSet modules, List<HashedEntry> entries) {
  ParsedPackage {
    Objects.requireNonNull(modules, "modules");
    entries = List.copyOf(entries);
  }
}

package org.kslim.inspect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kslim.source.Entry;

/**
 * What {@code kslim inspect} tells about a kernel package: which kernel, for which machine, how
 * many modules of what size, where the bytes are, and what is wrong with it.
 *
 * <pre>{@code
 * KernelInspection inspection = Inspector.inspect(Path.of("linux-image.deb"), InspectOptions.DEFAULTS);
 * inspection.moduleCount();            // 1121
 * inspection.largestSubsystems().get(0).directory();   // "kernel/drivers/net"
 * }</pre>
 *
 * @param packageName the package's own name (a tree: its folder name)
 * @param packageFormat deb, rpm or tree
 * @param kernelVersion VER of {@code lib/modules/VER}
 * @param modulesRoot {@code lib/modules/VER} or {@code usr/lib/modules/VER}
 * @param machine the modules' ELF machine ({@code x86-64}, {@code aarch64}...), {@code unknown} without modules
 * @param elfClass {@code ELF64} or {@code ELF32}
 * @param byteOrder {@code little-endian} or {@code big-endian}
 * @param moduleCount modules parsed
 * @param storedBytes module files' sizes as stored
 * @param uncompressedBytes modules' uncompressed ELF sizes
 * @param largestSubsystems at most 15 subsystems, largest uncompressed first
 * @param kernelImage the kernel image entry, if the package holds one
 * @param bootFiles every entry under {@code boot/}
 * @param exportsSource where the kernel's own exports came from, or empty when none were available
 * @param problems one line each: unreadable modules and what resolving the graph found
 */
public record KernelInspection(
    String packageName,
    String packageFormat,
    String kernelVersion,
    String modulesRoot,
    String machine,
    String elfClass,
    String byteOrder,
    int moduleCount,
    long storedBytes,
    long uncompressedBytes,
    List<SubsystemTotal> largestSubsystems,
    Optional<Entry> kernelImage,
    List<Entry> bootFiles,
    Optional<String> exportsSource,
    List<String> problems) {
  /** How many subsystems the inspection lists. */
  public static final int SUBSYSTEMS_SHOWN = 15;

  public KernelInspection {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(kernelVersion, "kernelVersion");
    largestSubsystems = List.copyOf(largestSubsystems);
    bootFiles = List.copyOf(bootFiles);
    problems = List.copyOf(problems);
  }
}

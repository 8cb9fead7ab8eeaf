package org.kslim.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.kslim.BadInputException;
import org.kslim.size.Measure;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageReader;
import org.kslim.source.deb.DebPackage;
import org.kslim.source.rpm.RpmHeader;
import org.kslim.source.rpm.RpmPackage;
import org.kslim.source.rpm.RpmTag;

/**
 * A package as written, with its figures read back from the file: the whole file's bytes, the
 * compressed payload's bytes (an rpm's bytes after its main header; a deb's {@code data.tar.*}
 * member) and the installed size it declares (rpm SIZE in bytes; deb Installed-Size in KiB).
 *
 * <pre>{@code
 * WrittenPackage core = WrittenPackage.readBack(Path.of("out/kernel-modules-core-6.1.0-56-amd64-6.1.192-2.x86_64.rpm"), "modules-core");
 * core.payloadBytes();
 * }</pre>
 *
 * @param name the package's name
 * @param part the policy package it holds; empty for the meta package
 * @param file where it was written
 * @param fileBytes length of the file
 * @param payloadBytes length of the compressed payload in the file
 * @param installedMeasure {@link Measure#INSTALLED} (rpm) or {@link Measure#INSTALLED_KIB} (deb)
 * @param installed the installed size the package declares, in the measure's unit
 */
public record WrittenPackage(String name, String part, Path file, long fileBytes, long payloadBytes,
    Measure installedMeasure, long installed) {
  public WrittenPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(installedMeasure, "installedMeasure");
  }

  /** Reads the figures of the package at {@code file}, written for policy package {@code part}. */
  public static WrittenPackage readBack(Path file, String part) {
    KernelPackage pkg = PackageReader.open(file);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (pkg instanceof RpmPackage rpm) {
      RpmHeader header = rpm.header();
      long[] declared = header.numbers(RpmTag.SIZE.number());
      return new WrittenPackage(pkg.info().name(), part, file, size, size - header.fileOffset() - header.size(),
          Measure.INSTALLED, declared.length == 0 ? 0 : declared[0]);
    }
    if (pkg instanceof DebPackage deb) {
      String installed = deb.info().fields().getOrDefault("Installed-Size", "0");
      return new WrittenPackage(pkg.info().name(), part, file, size, deb.payloadSize(), Measure.INSTALLED_KIB,
          Long.parseLong(installed));
    }
    throw new BadInputException(file + ": not an rpm or deb package");
  }
}

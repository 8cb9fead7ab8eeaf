package org.kslim.report;

import java.io.PrintWriter;
import java.util.Locale;
import org.kslim.inspect.KernelInspection;
import org.kslim.inspect.SubsystemTotal;
import org.kslim.source.Entry;

/**
 * {@code kslim inspect}'s table for a terminal, within 80 columns.
 *
 * <pre>{@code
 * InspectionText.print(inspection, new PrintWriter(System.out, true));
 * }</pre>
 */
public final class InspectionText {
  private InspectionText() {}

  public static void print(KernelInspection inspection, PrintWriter out) {
    out.printf(Locale.ROOT, "package     %s (%s)%n", inspection.packageName(), inspection.packageFormat());
    out.printf(Locale.ROOT, "kernel      %s in /%s%n", inspection.kernelVersion(), inspection.modulesRoot());
    out.printf(Locale.ROOT, "machine     %s, %s, %s%n", inspection.machine(), inspection.elfClass(), inspection.byteOrder());
    out.printf(Locale.ROOT, "modules     %d: %s stored, %s uncompressed%n", inspection.moduleCount(),
        ByteUnits.format(inspection.storedBytes()), ByteUnits.format(inspection.uncompressedBytes()));
    out.printf(Locale.ROOT, "image       %s%n", inspection.kernelImage()
        .map(image -> "/" + image.path() + " (" + ByteUnits.format(image.size()) + ")").orElse("none"));
    out.printf(Locale.ROOT, "exports     %s%n", inspection.exportsSource().orElse("unknown"));
    out.println();
    out.printf(Locale.ROOT, "%-40s %7s %12s %12s%n", "largest subsystems", "modules", "stored", "uncompressed");
    for (SubsystemTotal total : inspection.largestSubsystems()) {
      out.printf(Locale.ROOT, "%-40s %7d %12s %12s%n", total.directory(), total.modules(),
          ByteUnits.format(total.storedBytes()), ByteUnits.format(total.uncompressedBytes()));
    }
    out.println();
    out.println("boot files");
    for (Entry entry : inspection.bootFiles()) {
      out.printf(Locale.ROOT, "  /%-58s %12s%n", entry.path(), entry.isFile() ? ByteUnits.format(entry.size()) : entry.type().name().toLowerCase(Locale.ROOT));
    }
    out.println();
    out.printf(Locale.ROOT, "problems    %d%n", inspection.problems().size());
    for (String problem : inspection.problems()) {
      out.println("  " + problem);
    }
    out.flush();
  }
}

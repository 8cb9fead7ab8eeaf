package org.kslim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kslim.inspect.KernelInspection;
import org.kslim.inspect.SubsystemTotal;
import org.kslim.source.Entry;

/**
 * {@code kslim inspect --json}: the schema {@code kslim.inspect/1} documented in
 * {@code docs/inspect-json.md}. Keys appear in a fixed order; sizes are exact bytes.
 *
 * <pre>{@code
 * String json = InspectionJson.toJson(inspection);
 * }</pre>
 */
public final class InspectionJson {
  public static final String SCHEMA = "kslim.inspect/1";


  private InspectionJson() {}

  public static String toJson(KernelInspection inspection) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("package", Map.of("name", inspection.packageName(), "format", inspection.packageFormat()));
    root.put("kernelVersion", inspection.kernelVersion());
    root.put("modulesRoot", "/" + inspection.modulesRoot());
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("name", inspection.machine());
    machine.put("elfClass", inspection.elfClass());
    machine.put("byteOrder", inspection.byteOrder());
    root.put("machine", machine);
    Map<String, Object> modules = new LinkedHashMap<>();
    modules.put("count", inspection.moduleCount());
    modules.put("storedBytes", inspection.storedBytes());
    modules.put("uncompressedBytes", inspection.uncompressedBytes());
    root.put("modules", modules);
    List<Map<String, Object>> subsystems = new ArrayList<>();
    for (SubsystemTotal total : inspection.largestSubsystems()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("directory", total.directory());
      row.put("modules", total.modules());
      row.put("storedBytes", total.storedBytes());
      row.put("uncompressedBytes", total.uncompressedBytes());
      subsystems.add(row);
    }
    root.put("largestSubsystems", subsystems);
    root.put("kernelImage", inspection.kernelImage().map(InspectionJson::entry).orElse(null));
    root.put("bootFiles", inspection.bootFiles().stream().map(InspectionJson::entry).toList());
    root.put("exportsSource", inspection.exportsSource().orElse(null));
    root.put("problems", inspection.problems());
    return JsonText.write(root, "the inspection") + "\n";
  }

  private static Map<String, Object> entry(Entry entry) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("path", "/" + entry.path());
    row.put("type", entry.type().name().toLowerCase(java.util.Locale.ROOT));
    row.put("size", entry.size());
    if (entry.linkTarget() != null) {
      row.put("linkTarget", entry.linkTarget());
    }
    return row;
  }
}

package org.kslim.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kslim.BadInputException;
import org.kslim.UsageException;
import org.kslim.check.SplitAnalysis;
import org.kslim.policy.PackageDecl;
import org.kslim.policy.PackageNaming;
import org.kslim.size.FileContent;
import org.kslim.size.Measure;
import org.kslim.source.Entry;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;

/**
 * Plans the packages of a split: one per non-empty policy package and a meta package requiring
 * them all, with the input's version, release, architecture and license unless the policy's
 * {@code naming:} sets them. Each part requires the parts its policy package depends on (through empty ones) at
 * exactly the same version-release, and takes over the unsplit input package of an earlier
 * version (deb {@code Conflicts: INPUT (<< V)} and {@code Replaces: INPUT (<= V)}, rpm
 * {@code Obsoletes: INPUT < V}); the meta package carries the input's name by default, so
 * upgrading the unsplit package pulls in every part.
 */
final class PackPlanner {
  private static final List<String> DEB_FIELDS = List.of("Maintainer", "Section", "Priority", "Homepage");
  /** The relations of a deb input that its image package keeps, when written as a deb. */
  static final List<String> DEB_RELATIONS = List.of("Pre-Depends", "Depends", "Recommends", "Suggests", "Breaks",
      "Conflicts", "Replaces", "Provides");

  private PackPlanner() {}

  /**
   * @param files every part's entries, by policy package
   * @param debRelations whether the input is a deb written as debs, so that the image package keeps
   *     its {@link #DEB_RELATIONS} (the packages its scripts call, the image's own conflicts)
   * @param warnings receives what the user should know (input scripts the target cannot carry)
   */
  static List<PackageSpec> plan(SplitAnalysis analysis, PackRequest request, Map<String, List<FileContent>> files,
      boolean debRelations, List<String> warnings) {
    PackageInfo in = analysis.packageInfo();
    PackageFormat format = request.format();
    Optional<PackageNaming> policy = analysis.policy().naming();
    String version = policy.flatMap(PackageNaming::version).orElse(in.version());
    if (version.isEmpty()) {
      throw new BadInputException(in.name() + ": the input declares no version, which written packages need");
    }
    String kver = analysis.modules().kernelVersion();
    String modulesDir = "/lib/modules/" + kver;
    String release = policy.flatMap(PackageNaming::release)
        .orElse(format == PackageFormat.RPM && in.release().isEmpty() ? "0" : in.release());
    String architecture = policy.flatMap(PackageNaming::architecture).orElse(in.architecture());
    Common common = new Common(epoch(in), version, release,
        format == PackageFormat.DEB ? Architectures.deb(architecture) : Architectures.rpm(architecture),
        policy.flatMap(PackageNaming::license).orElse(in.license()), buildTime(request, files), format);
    PackNaming naming = request.naming().orElseGet(() -> PackNaming.of(analysis.policy().naming()));
    List<String> parts = analysis.split().packages().stream()
        .filter(p -> !files.getOrDefault(p, List.of()).isEmpty()).toList();
    Map<String, String> names = new LinkedHashMap<>();
    parts.forEach(p -> names.put(p, naming.part(format, p, kver, in.name())));
    String metaName = naming.meta(format, kver, in.name());
    if (names.containsValue(metaName) || new LinkedHashSet<>(names.values()).size() != names.size()) {
      throw new UsageException("package names must differ: parts " + names.values() + ", meta package " + metaName);
    }
    String evr = common.versionRelease();
    List<Relation> takesOver = List.of(new Relation(in.name(), Relation.Operator.LESS, evr));
    List<Relation> replaces = format == PackageFormat.DEB
        ? List.of(new Relation(in.name(), Relation.Operator.LESS_EQUAL, evr)) : List.of();
    String[] text = description(in);
    String source = sourceName(in);
    List<PackageSpec> specs = new ArrayList<>();
    for (String part : parts) {
      List<Relation> requires = dependencies(analysis, part, parts).stream()
          .map(d -> new Relation(names.get(d), Relation.Operator.EQUAL, evr)).toList();
      boolean image = part.equals(analysis.split().image());
      Map<String, String> scripts = image
          ? MaintainerScripts.image(in.scripts(), format, kver, modulesDir, warnings)
          : MaintainerScripts.part(format, kver, modulesDir);
      specs.add(common.spec(names.get(part), part, in, image && debRelations, text[0] + " (" + part + ")",
          text[1] + "This package holds the " + part + " part of " + in.name() + " as split by the kslim policy "
              + policyName(analysis.policy().source()) + ".",
          source, requires, takesOver, replaces, scripts, analysis.sizes().get(part).get(Measure.INSTALLED_KIB),
          clamped(files.get(part), request, common.buildTime())));
    }
    List<Relation> all = parts.stream().map(p -> new Relation(names.get(p), Relation.Operator.EQUAL, evr)).toList();
    specs.add(common.spec(metaName, "", in, false, text[0], text[1] + "This package pulls in every part of the split: "
        + String.join(", ", names.values()) + ".", source, all, List.of(), List.of(), Map.of(), 1, List.of()));
    return specs;
  }

  /** What every package of the split shares. */
  private record Common(String epoch, String version, String release, String architecture, String license,
      long buildTime, PackageFormat format) {
    String versionRelease() {
      return PackageSpec.fullVersion(epoch, version, release);
    }

    PackageSpec spec(String name, String part, PackageInfo in, boolean inputRelations, String summary,
        String description, String source, List<Relation> requires, List<Relation> conflicts, List<Relation> replaces,
        Map<String, String> scripts, long installedKib, List<FileContent> files) {
      Map<String, String> fields = new LinkedHashMap<>();
      List<String> carried = new ArrayList<>(DEB_FIELDS);
      if (inputRelations) {
        carried.addAll(DEB_RELATIONS);
      }
      for (String field : carried) {
        String value = in.fields().get(field);
        if (value != null && !value.isEmpty()) {
          fields.put(field, value);
        }
      }
      if (!fields.containsKey("Maintainer") && in.fields().containsKey("PACKAGER")) {
        fields.put("Maintainer", in.fields().get("PACKAGER"));
      }
      return new PackageSpec(name, part, epoch, version, release, architecture, license, summary, description, source,
          fields, requires, conflicts, replaces, scripts, installedKib, buildTime, files);
    }
  }

  /**
   * The policy's file name without its folder, so that the same policy gives the same package
   * wherever it lies ({@code policies/cloud.yaml} and {@code /srv/policies/cloud.yaml} alike).
   */
  static String policyName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }

  /** The written parts {@code part} depends on: its policy dependencies, looking through empty ones. */
  private static Set<String> dependencies(SplitAnalysis analysis, String part, List<String> written) {
    Set<String> found = new LinkedHashSet<>();
    List<String> pending = new ArrayList<>(analysis.policy().packageNamed(part).map(PackageDecl::dependsOn).orElse(List.of()));
    Set<String> seen = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      String next = pending.remove(0);
      if (!seen.add(next)) {
        continue;
      }
      if (written.contains(next)) {
        found.add(next);
      } else {
        pending.addAll(analysis.policy().packageNamed(next).map(PackageDecl::dependsOn).orElse(List.of()));
      }
    }
    return found;
  }

  /** SOURCE_DATE_EPOCH, else the newest mtime of the input's entries. */
  private static long buildTime(PackRequest request, Map<String, List<FileContent>> files) {
    return request.sourceDateEpoch().orElseGet(() -> files.values().stream().flatMap(List::stream)
        .mapToLong(f -> f.entry().mtime()).max().orElse(0));
  }

  /** The files, with mtimes past the build time set to it when the request clamps them. */
  private static List<FileContent> clamped(List<FileContent> files, PackRequest request, long buildTime) {
    if (!request.clampMtime()) {
      return files;
    }
    return files.stream().map(f -> {
      Entry e = f.entry();
      return e.mtime() <= buildTime ? f : new FileContent(new Entry(e.path(), e.type(), e.mode(), e.user(), e.group(),
          buildTime, e.size(), e.linkTarget()), f.bytes());
    }).toList();
  }

  /** The input's one-line summary and its long description (ending with a blank line, or empty). */
  private static String[] description(PackageInfo in) {
    String deb = in.fields().get("Description");
    if (deb != null) {
      String[] lines = deb.split("\n");
      StringBuilder rest = new StringBuilder();
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i].substring(1);
        rest.append(line.equals(".") ? "" : line).append('\n');
      }
      return new String[] {lines[0], rest.isEmpty() ? "" : rest + "\n"};
    }
    String summary = in.fields().getOrDefault("SUMMARY", in.name());
    String description = in.fields().getOrDefault("DESCRIPTION", "");
    return new String[] {summary, description.isEmpty() ? "" : description.strip() + "\n\n"};
  }

  /** The input's epoch: before the {@code :} of a deb's Version, an rpm's EPOCH; empty without one. */
  private static String epoch(PackageInfo in) {
    String deb = in.fields().getOrDefault("Version", "");
    String epoch = deb.contains(":") ? deb.substring(0, deb.indexOf(':')) : in.fields().getOrDefault("EPOCH", "");
    if (!epoch.matches("[0-9]{0,9}")) {
      throw new BadInputException(in.name() + ": the version's epoch must be a number: " + epoch);
    }
    return epoch;
  }

  /** The source package: a deb's {@code Source} (without its version), an rpm's SOURCERPM name, else the input's name. */
  private static String sourceName(PackageInfo in) {
    String deb = in.fields().get("Source");
    if (deb != null && !deb.isEmpty()) {
      return deb.split(" ")[0];
    }
    return in.name();
  }
}

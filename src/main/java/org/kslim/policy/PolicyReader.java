package org.kslim.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kslim.BadInputException;
import org.kslim.InputLimit;

/**
 * Reads a policy: Fedora's rule file as filtermods.py reads it (no {@code kslim:} key; accepted
 * with one warning that its rules carry no reasons), or the kslim format ({@code kslim: 1} at the
 * top) in which every rule has a reason and an unknown key is an error. Every error is a
 * {@link BadInputException} reading {@code FILE:LINE: what is wrong}. The format is described in
 * {@code docs/policy.md}.
 *
 * <pre>{@code
 * Policy cloud = PolicyReader.read(Path.of("policies/cloud.yaml"));
 * Policy fedora = PolicyReader.read(Path.of("def_variants.yaml.fedora"));
 * fedora.warnings();   // [def_variants.yaml.fedora: Fedora rule file ...]
 * }</pre>
 */
public final class PolicyReader {
  private static final Set<String> KSLIM_KEYS = Set.of(
      "kslim", "packages", "image", "rules", "require", "budgets", "waivers", "compression", "approve-moves", "naming");
  private static final Set<String> NAMING_KEYS = Set.of("package", "meta", "version", "release", "architecture", "license");
  private static final Set<String> FEDORA_KEYS = Set.of("packages", "rules");
  private static final Set<String> APPROVAL_KEYS = Set.of("module", "package", "reason", "approved-by");

  /** The largest policy read, in bytes (and characters): {@code kslim.limit.policy-size}, 4 MiB by default. */
  public static final InputLimit POLICY_SIZE = new InputLimit("policy-size", 4L << 20);

  private final PolicySyntax syntax;

  private PolicyReader(String source) {
    this.syntax = new PolicySyntax(source);
  }

  /** Reads the policy in {@code file}; errors name the file as given. */
  public static Policy read(Path file) {
    String text;
    try {
      long size = Files.size(file);
      long limit = POLICY_SIZE.value();
      if (size > limit) {
        throw new BadInputException(file + ": a policy of " + size + " bytes exceeds the limit of " + limit + " bytes");
      }
      text = Files.readString(file);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the policy: " + e.getMessage(), e);
    }
    return read(text, file.toString());
  }

  /** Reads the policy {@code text}; {@code source} names it in errors. */
  public static Policy read(String text, String source) {
    return new PolicyReader(source).policy(YamlTree.parse(text, source));
  }

  private Policy policy(YamlNode document) {
    YamlNode.Mapping root = syntax.mapping(document, "a policy");
    boolean kslim = root.entry("kslim").isPresent();
    if (kslim) {
      YamlNode version = root.get("kslim").orElseThrow();
      if (!syntax.text(version, "kslim").equals("1")) {
        throw syntax.error(version.line(), "unknown policy format version '" + syntax.text(version, "kslim")
            + "' (this kslim reads kslim: 1)");
      }
    }
    syntax.onlyKeys(root, kslim ? KSLIM_KEYS : FEDORA_KEYS, kslim ? "a kslim policy"
        : "a Fedora rule file (write 'kslim: 1' at the top to use the kslim format)");
    List<PackageDecl> packages = new PackageReader(syntax).packages(root.get("packages")
        .orElseThrow(() -> syntax.error(root.line(), "a policy needs 'packages:'")));
    Set<String> declared = new LinkedHashSet<>(packages.stream().map(PackageDecl::name).toList());
    RuleReader rules = new RuleReader(syntax, kslim, declared);
    LimitReader limits = new LimitReader(syntax, declared);
    Optional<String> image = root.entry("image").map(entry -> {
      String name = syntax.text(entry.value(), "image");
      syntax.checkDeclared(declared, name, entry.line());
      return name;
    });
    List<String> warnings = kslim ? List.of() : List.of(syntax.source()
        + ": Fedora rule file (no 'kslim:' key): its rules carry no reasons; accepted as filtermods.py reads it");
    return new Policy(
        syntax.source(),
        kslim ? PolicyFormat.KSLIM : PolicyFormat.FEDORA,
        packages,
        root.get("rules").map(rules::rules).orElse(List.of()),
        image,
        root.get("require").map(rules::requirements).orElse(List.of()),
        root.get("budgets").map(limits::budgets).orElse(Map.of()),
        root.get("waivers").map(limits::waivers).orElse(List.of()),
        root.get("compression").map(new CompressionReader(syntax)::compression),
        root.get("approve-moves").map(node -> approvals(node, declared)).orElse(List.of()),
        warnings,
        root.get("budgets").map(limits::creepLimits).orElse(List.of()),
        root.get("naming").map(this::naming));
  }

  private PackageNaming naming(YamlNode section) {
    YamlNode.Mapping entry = syntax.mapping(section, "naming");
    syntax.onlyKeys(entry, NAMING_KEYS, "naming");
    try {
      return new PackageNaming(syntax.optional(entry, "package", "naming"), syntax.optional(entry, "meta", "naming"))
          .withFields(syntax.optional(entry, "version", "naming"), syntax.optional(entry, "release", "naming"),
              syntax.optional(entry, "architecture", "naming"), syntax.optional(entry, "license", "naming"));
    } catch (IllegalArgumentException e) {
      throw syntax.error(entry.line(), e.getMessage());
    }
  }

  private List<ApprovedMove> approvals(YamlNode section, Set<String> declared) {
    List<ApprovedMove> approvals = new ArrayList<>();
    for (YamlNode item : syntax.sequence(section, "approve-moves")) {
      YamlNode.Mapping entry = syntax.mapping(item, "an approved move");
      syntax.onlyKeys(entry, APPROVAL_KEYS, "an approved move");
      String pkg = syntax.required(entry, "package", "an approved move");
      syntax.checkDeclared(declared, pkg, entry.line());
      approvals.add(new ApprovedMove(syntax.required(entry, "module", "an approved move"), pkg,
          syntax.required(entry, "reason", "an approved move"),
          syntax.required(entry, "approved-by", "an approved move"), syntax.at(entry.line())));
    }
    return approvals;
  }
}

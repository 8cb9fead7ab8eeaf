package org.kslim.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kslim.budget.Verdict;
import org.kslim.check.SplitAnalysis;
import org.kslim.kmod.Module;
import org.kslim.kmod.ModuleFile;
import org.kslim.policy.ApprovedMove;
import org.kslim.policy.Matcher;
import org.kslim.policy.Policy;
import org.kslim.policy.Rule;
import org.kslim.policy.Waiver;
import org.kslim.size.FileSizes;
import org.kslim.size.PackageSizes;

/**
 * Turns an analysis of a kernel package into the {@link Build} the history keeps.
 *
 * <pre>{@code
 * SplitAnalysis analysis = SplitAnalyzer.analyze(CheckRequest.of(deb, policyFile));
 * Build build = Builds.of(analysis, deb, Files.readString(policyFile), Instant.now());
 * }</pre>
 */
public final class Builds {
  private Builds() {}

  /** The build of {@code analysis}, read from {@code input} and split by the policy written as {@code policyText}. */
  public static Build of(SplitAnalysis analysis, Path input, String policyText, Instant at) {
    Policy policy = analysis.policy();
    BuildInfo info = new BuildInfo(0, at, analysis.modules().kernelVersion(), Flavour.of(analysis.modules().kernelVersion()),
        architecture(analysis), analysis.packageInfo().name(), InputHash.of(input), InputHash.ofText(policyText),
        analysis.passed());
    return new Build(info, policy.source(), policyText, rules(policy), approvals(policy), policy.budgets(),
        modules(analysis), packages(analysis), verdicts(analysis));
  }

  private static String architecture(SplitAnalysis analysis) {
    String declared = analysis.packageInfo().architecture();
    if (!declared.isEmpty()) {
      return declared;
    }
    return analysis.modules().files().stream().map(f -> f.elf().machineName()).findFirst().orElse("unknown");
  }

  static List<RuleReason> rules(Policy policy) {
    List<RuleReason> rules = new ArrayList<>();
    for (Rule rule : policy.rules()) {
      rules.add(new RuleReason(rules.size() + 1, matcherText(rule.matcher()), rule.pkg(), rule.reason().orElse("")));
    }
    return rules;
  }

  private static String matcherText(Matcher matcher) {
    return switch (matcher.kind()) {
      case DEFAULT -> "default";
      case PATH_REGEX -> matcher.pattern();
      default -> matcher.kind().key() + ":" + matcher.pattern();
    };
  }

  static List<Approval> approvals(Policy policy) {
    List<Approval> approvals = new ArrayList<>();
    for (Waiver w : policy.waivers()) {
      approvals.add(new Approval(Approval.WAIVER, w.pkg(),
          w.measure().key() + " +" + w.allow() + " until " + w.expires(), w.reason(), w.approvedBy()));
    }
    for (ApprovedMove m : policy.approvedMoves()) {
      approvals.add(new Approval(Approval.MOVE, m.pkg(), m.module(), m.reason(), m.approvedBy()));
    }
    return approvals;
  }

  private static List<ModuleRecord> modules(SplitAnalysis analysis) {
    Map<String, FileSizes> files = new HashMap<>();
    for (PackageSizes pkg : analysis.sizes().packages()) {
      pkg.files().forEach(f -> files.put(f.path(), f));
    }
    String root = analysis.modules().modulesRoot();
    List<ModuleRecord> modules = new ArrayList<>();
    for (ModuleFile file : analysis.modules().files()) {
      Module module = file.module();
      FileSizes sizes = files.get(root + "/" + module.path());
      if (sizes == null) {
        throw new IllegalStateException(root + "/" + module.path() + ": a module the size sheet does not hold");
      }
      Map<ModuleMeasure, Long> values = new EnumMap<>(ModuleMeasure.class);
      values.put(ModuleMeasure.INSTALLED, module.storedSize());
      values.put(ModuleMeasure.INSTALLED_KIB, sizes.installedKib());
      values.put(ModuleMeasure.DISK, sizes.disk());
      values.put(ModuleMeasure.ELF, module.size());
      modules.add(new ModuleRecord(module.path(), module.name(), analysis.split().packageOf(module.path()), values));
    }
    modules.sort(Comparator.comparing(ModuleRecord::path));
    return modules;
  }

  private static List<PackageTotal> packages(SplitAnalysis analysis) {
    List<PackageTotal> totals = new ArrayList<>();
    for (PackageSizes pkg : analysis.sizes().packages()) {
      totals.add(new PackageTotal(pkg.name(), pkg.measures()));
    }
    return totals;
  }

  private static List<VerdictRecord> verdicts(SplitAnalysis analysis) {
    List<VerdictRecord> verdicts = new ArrayList<>();
    for (Verdict v : analysis.budgets().verdicts()) {
      verdicts.add(new VerdictRecord(v.pkg(), v.measure(), v.budget(), v.limit(), v.actual(), v.pass()));
    }
    return verdicts;
  }
}

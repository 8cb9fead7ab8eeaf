package org.kslim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kslim.Progress;
import org.kslim.UsageException;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalyzer;
import org.kslim.decide.ExactChange;
import org.kslim.decide.ModuleCompressionChoice;
import org.kslim.decide.ModuleCompressionWhatIf;
import org.kslim.decide.Selector;
import org.kslim.decide.WhatIf;
import org.kslim.decide.WhatIfOutcome;
import org.kslim.report.DecisionJson;
import org.kslim.report.DecisionText;
import org.kslim.source.Compression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code kslim whatif PACKAGE --policy FILE --drop SELECTOR... [--from PKG] [--to PKG|none]}: which
 * modules would leave a package, where they would go, every package's size change and what would
 * break, without changing the policy. {@code --module-compression none|xz|zstd|gzip|all}: every
 * package's installed and compressed size with the module files compressed each way, side by side.
 *
 * <pre>{@code
 * kslim whatif linux-image.deb --policy def_variants.yaml --drop kernel/drivers/gpu --to none --json
 * kslim whatif linux-image.deb --policy def_variants.yaml --module-compression none,xz,zstd
 * }</pre>
 */
@Command(name = "whatif", mixinStandardHelpOptions = true,
    description = "Show what moving modules out of a package would save and break.")
final class WhatIfCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SplitOptions options;

  @Option(names = "--drop", arity = "1..*", paramLabel = "SELECTOR",
      description = "a rule (file:line or pattern), a directory under lib/modules/VER, a path glob, or a module name or glob")
  List<String> drops;

  @Option(names = "--from", paramLabel = "PKG", description = "the package they leave (default: the policy's core)")
  String from;

  @Option(names = "--to", paramLabel = "PKG|none",
      description = "the package they go to, or none to drop them (default: the nearest package that depends on --from)")
  String to;

  @Option(names = "--exact", description = "really recompress the changed packages instead of estimating")
  boolean exact;

  @Option(names = "--module-compression", arity = "1..*", split = ",", paramLabel = "none|xz|zstd|gzip|all",
      description = "instead of moving modules: every package's sizes with the module files compressed each way")
  List<String> moduleCompression;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    CheckRequest request = options.request();
    if ((drops == null) == (moduleCompression == null)) {
      throw new UsageException("name either --drop SELECTOR... or --module-compression CHOICE...");
    }
    if (moduleCompression != null) {
      List<ModuleCompressionChoice> table = ModuleCompressionWhatIf.evaluate(SplitAnalyzer.analyze(request, !exact),
          request, choices(), exact, Progress.NONE, spec.commandLine().getErr()::println);
      output.print(spec.commandLine().getOut(), () -> DecisionJson.moduleCompression(table),
          out -> DecisionText.moduleCompression(table, out));
      return 0;
    }
    WhatIf whatIf = new WhatIf(SplitAnalyzer.analyze(request, !exact));
    WhatIfOutcome estimate = whatIf.evaluate(drops.stream().map(Selector::new).toList(),
        from != null ? from : whatIf.analysis().split().core(), to);
    WhatIfOutcome outcome = exact ? ExactChange.of(whatIf.analysis(), request, estimate) : estimate;
    output.print(spec.commandLine().getOut(), () -> DecisionJson.whatIf(outcome), out -> DecisionText.whatIf(outcome, out));
    return 0;
  }

  private List<Compression> choices() {
    List<Compression> choices = new ArrayList<>();
    for (String name : moduleCompression) {
      List<Compression> named = switch (name) {
        case "all" -> List.of(Compression.NONE, Compression.XZ, Compression.ZSTD);
        case "none", "xz", "zstd", "gzip" -> List.of(Compression.valueOf(name.toUpperCase(Locale.ROOT)));
        default -> throw new UsageException("--module-compression must be none, xz, zstd, gzip or all: " + name);
      };
      named.stream().filter(c -> !choices.contains(c)).forEach(choices::add);
    }
    return choices;
  }
}

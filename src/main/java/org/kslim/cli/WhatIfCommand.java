package org.kslim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalyzer;
import org.kslim.decide.ExactChange;
import org.kslim.decide.Selector;
import org.kslim.decide.WhatIf;
import org.kslim.decide.WhatIfOutcome;
import org.kslim.report.DecisionJson;
import org.kslim.report.DecisionText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code kslim whatif PACKAGE --policy FILE --drop SELECTOR... [--from PKG] [--to PKG|none]}: which
 * modules would leave a package, where they would go, every package's size change and what would
 * break, without changing the policy.
 *
 * <pre>{@code
 * kslim whatif linux-image.deb --policy def_variants.yaml --drop kernel/drivers/gpu --to none --json
 * }</pre>
 */
@Command(name = "whatif", mixinStandardHelpOptions = true,
    description = "Show what moving modules out of a package would save and break.")
final class WhatIfCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SplitOptions options;

  @Option(names = "--drop", required = true, arity = "1..*", paramLabel = "SELECTOR",
      description = "a rule (file:line or pattern), a directory under lib/modules/VER, a path glob, or a module name or glob")
  List<String> drops;

  @Option(names = "--from", paramLabel = "PKG", description = "the package they leave (default: the policy's core)")
  String from;

  @Option(names = "--to", paramLabel = "PKG|none",
      description = "the package they go to, or none to drop them (default: the nearest package that depends on --from)")
  String to;

  @Option(names = "--exact", description = "really recompress the changed packages instead of estimating")
  boolean exact;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    CheckRequest request = options.request();
    WhatIf whatIf = new WhatIf(SplitAnalyzer.analyze(request, !exact));
    WhatIfOutcome estimate = whatIf.evaluate(drops.stream().map(Selector::new).toList(),
        from != null ? from : whatIf.analysis().split().core(), to);
    WhatIfOutcome outcome = exact ? ExactChange.of(whatIf.analysis(), request, estimate) : estimate;
    output.print(spec.commandLine().getOut(), () -> DecisionJson.whatIf(outcome), out -> DecisionText.whatIf(outcome, out));
    return 0;
  }
}

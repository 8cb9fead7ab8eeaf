package org.kslim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kslim.AtomicFile;
import org.kslim.BadInputException;
import org.kslim.UsageException;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalyzer;
import org.kslim.decide.PolicyEdit;
import org.kslim.decide.Suggester;
import org.kslim.decide.Suggestion;
import org.kslim.decide.WhatIf;
import org.kslim.report.ByteUnits;
import org.kslim.report.DecisionJson;
import org.kslim.report.DecisionText;
import org.kslim.size.Measure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code kslim suggest PACKAGE --policy FILE --fit PKG [--apply OUT.yaml]}: directories and rules
 * whose move out of a package brings it under its budget, smallest first; {@code --apply} writes
 * the policy with the first suggestion's rules added.
 *
 * <pre>{@code
 * kslim suggest linux-image.deb --policy policy.yaml --fit modules-core --apply policy-new.yaml
 * }</pre>
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = "Suggest moves that bring a package under its budget.")
final class SuggestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SplitOptions options;

  @Option(names = "--fit", required = true, paramLabel = "PKG", description = "the package to bring under its budget")
  String fit;

  @Option(names = "--to", paramLabel = "PKG", description = "where moved modules go (default: the nearest package that depends on --fit)")
  String to;

  @Option(names = "--apply", paramLabel = "OUT.yaml", description = "write the policy with the first suggestion's rules added")
  Path apply;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    CheckRequest request = options.request();
    WhatIf whatIf = new WhatIf(SplitAnalyzer.analyze(request, true));
    List<Suggestion> ranked = new Suggester(whatIf).suggest(fit, to);
    output.print(spec.commandLine().getOut(), () -> DecisionJson.suggestions(ranked), out -> DecisionText.suggestions(ranked, out));
    if (apply != null) {
      write(whatIf, ranked.get(0), request);
    }
    return 0;
  }

  private void write(WhatIf whatIf, Suggestion chosen, CheckRequest request) {
    if (options.policy == null) {
      throw new UsageException("--apply needs --policy: the file to add the rules to");
    }
    String text;
    try {
      text = Files.readString(options.policy);
    } catch (IOException e) {
      throw new BadInputException(options.policy + ": cannot read: " + e.getMessage(), e);
    }
    String target = chosen.outcome().to().orElseThrow(() -> new UsageException("--apply cannot drop modules: --to " + to));
    String reason = "kslim suggest " + request.today() + ": moves " + chosen.outcome().moved().size() + " module(s) out of "
        + fit + ", saving " + ByteUnits.format(-chosen.outcome().change(fit).delta(Measure.INSTALLED)) + " installed";
    AtomicFile.writeString(apply, PolicyEdit.apply(text, whatIf, chosen.selectors(), fit, target, reason));
  }
}

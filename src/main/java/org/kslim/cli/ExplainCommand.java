package org.kslim.cli;

import java.util.concurrent.Callable;
import org.kslim.check.SplitAnalyzer;
import org.kslim.decide.Explanation;
import org.kslim.report.DecisionJson;
import org.kslim.report.DecisionText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code kslim explain PACKAGE --policy FILE MODULE}: the module's package, the rule and its reason
 * or the chain of moves that put it there, what it needs and what needs it.
 *
 * <pre>{@code
 * kslim explain linux-image.deb --policy policies/cloud.yaml dlm
 * }</pre>
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain why a module sits in its package.")
final class ExplainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SplitOptions options;

  @Parameters(index = "1", paramLabel = "MODULE", description = "a module name or its path under lib/modules/VER")
  String module;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    Explanation explanation = Explanation.of(SplitAnalyzer.analyze(options.request()), module);
    output.print(spec.commandLine().getOut(), () -> DecisionJson.explanation(explanation), out -> DecisionText.explanation(explanation, out));
    return 0;
  }
}

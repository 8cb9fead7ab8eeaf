package org.kslim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.check.SplitAnalyzerFixtures;

class SplitReportTextTest {
  @TempDir Path dir;

  @Test
  void everyLineFitsEightyColumnsEvenWhenOverBudgetWithLongWaivers() throws IOException {
    StringWriter text = new StringWriter();
    SplitReportText.print(analysis("100, compressed: 100, installed-kib: 1, files: 1, disk: 100", """
        waivers:
          - {package: core, measure: compressed, allow: 1, approved-by: the kernel release team of the cloud images,
             reason: "the storage drivers of the next hardware generation land before the firmware split does", expires: 2027-06-30}
        """), new PrintWriter(text), false);
    assertThat(text.toString()).contains("FAIL").contains("waiver +1 B for core compressed").doesNotContain("\u001b");
    assertThat(text.toString().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    assertThat(text.toString().lines().filter(l -> l.startsWith("core ")))
        .anySatisfy(l -> assertThat(l).matches("core +installed +100 B +\\d+\\.\\d KiB +-\\d+\\.\\d KiB +<-999% FAIL"));
  }

  @Test
  void colourPaintsTheVerdictsOnly() throws IOException {
    StringWriter text = new StringWriter();
    SplitReportText.print(analysis("1MiB", ""), new PrintWriter(text), true);
    assertThat(text.toString()).contains(" \u001b[32mpass\u001b[0m").endsWith("\u001b[32mPASS\u001b[0m" + System.lineSeparator());
  }

  private SplitAnalysis analysis(String budgets, String policyTail) throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    Path policy = SplitAnalyzerFixtures.policy(dir, budgets);
    Files.writeString(policy, policyTail, StandardOpenOption.APPEND);
    return SplitAnalyzer.analyze(CheckRequest.of(tree, policy).withToday(LocalDate.of(2026, 11, 26)));
  }
}

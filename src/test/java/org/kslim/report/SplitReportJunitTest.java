package org.kslim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.check.SplitAnalyzerFixtures;
import org.kslim.history.BuildInfo;
import org.kslim.history.CreepBreach;
import org.kslim.history.CreepResult;
import org.kslim.policy.CreepLimit;
import org.kslim.policy.Growth;
import org.kslim.policy.Location;
import org.kslim.size.Measure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class SplitReportJunitTest {
  private static final LocalDateTime WHEN = LocalDateTime.of(2026, 11, 26, 8, 30, 0);

  @TempDir Path dir;

  @Test
  void passingSplitIsValidAntJunitWithNoFailure() throws Exception {
    String xml = SplitReportJunit.toXml(analysis("1MiB"), WHEN, "ci-runner");
    validate(xml);
    Document doc = parse(xml);
    Element budgets = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(budgets.getAttribute("name")).isEqualTo("kslim.budgets");
    assertThat(budgets.getAttribute("tests")).isEqualTo("1");
    assertThat(budgets.getAttribute("failures")).isEqualTo("0");
    assertThat(budgets.getAttribute("timestamp")).isEqualTo("2026-11-26T08:30:00");
    Element testCase = (Element) doc.getElementsByTagName("testcase").item(0);
    assertThat(testCase.getAttribute("classname")).isEqualTo("kslim.budget.core");
    assertThat(testCase.getAttribute("name")).isEqualTo("installed");
    assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void breachedBudgetFailsItsCaseWithActualBudgetAndHeadroom() throws Exception {
    SplitAnalysis analysis = analysis("5000");
    String xml = SplitReportJunit.toXml(analysis, WHEN, "ci-runner");
    validate(xml);
    Document doc = parse(xml);
    assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("failures")).isEqualTo("1");
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    long actual = analysis.budgets().verdicts().get(0).actual();
    assertThat(failure.getAttribute("message")).isEqualTo("core installed: actual " + ByteUnits.format(actual)
        + ", budget 4.9 KiB, headroom " + ByteUnits.format(5000 - actual) + String.format(java.util.Locale.ROOT,
        " (%.1f%%)", 100.0 * (5000 - actual) / 5000));
    assertThat(failure.getTextContent()).isEqualTo("actual " + actual + ", budget 5000, limit 5000, headroom " + (5000 - actual));
  }

  @Test
  void creepLimitsAreASuiteOfTheirOwnFailingOnABreach() throws Exception {
    CreepLimit perRelease = new CreepLimit("core", Measure.INSTALLED, 1, Growth.amount(1000), new Location("p.yaml", 9));
    CreepLimit window = new CreepLimit("core", Measure.COMPRESSED, 3, Growth.amount(5000), new Location("p.yaml", 10));
    BuildInfo earlier = new BuildInfo(4, Instant.parse("2026-11-01T00:00:00Z"), "6.1.0-47-cloud-amd64", "cloud-amd64",
        "x86-64", "linux-image", "ab", "cd", true);
    CreepResult creep = new CreepResult(List.of(perRelease, window),
        List.of(new CreepBreach(perRelease, earlier, 10_000, 12_000, List.of())), Optional.of(earlier));

    String xml = SplitReportJunit.toXml(analysis("1MiB"), Optional.of(creep), WHEN, "ci-runner");

    validate(xml);
    Element suite = (Element) parse(xml).getElementsByTagName("testsuite").item(2);
    assertThat(suite.getAttribute("name")).isEqualTo("kslim.creep");
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    Element failure = (Element) suite.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("core installed: at most +1000 per release (p.yaml:9): 10000 -> 12000 (+2000) since build:4 6.1.0-47-cloud-amd64");
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("installed per release");
    assertThat(((Element) suite.getElementsByTagName("testcase").item(1)).getAttribute("name"))
        .isEqualTo("compressed over 3 releases");
  }

  @Test
  void creepLimitsWithNoEarlierBuildAreSkipped() throws Exception {
    CreepLimit perRelease = new CreepLimit("core", Measure.INSTALLED, 1, Growth.amount(1000), new Location("p.yaml", 9));
    CreepResult creep = new CreepResult(List.of(perRelease), List.of(), Optional.empty());

    String xml = SplitReportJunit.toXml(analysis("1MiB"), Optional.of(creep), WHEN, "ci-runner");

    validate(xml);
    Element suite = (Element) parse(xml).getElementsByTagName("testsuite").item(2);
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(((Element) suite.getElementsByTagName("skipped").item(0)).getAttribute("message"))
        .isEqualTo("no earlier build of this flavour is recorded");
  }

  private SplitAnalysis analysis(String budget) throws IOException {
    Path tree = SplitAnalyzerFixtures.kernelTree(dir);
    return SplitAnalyzer.analyze(CheckRequest.of(tree, SplitAnalyzerFixtures.policy(dir, budget)));
  }

  private static void validate(String xml) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.newSchema(SplitReportJunitTest.class.getResource("junit-ant.xsd"))
        .newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}

package org.kslim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDateTime;
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

package org.kslim.report;

import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kslim.budget.Verdict;
import org.kslim.history.CreepBreach;
import org.kslim.history.CreepResult;
import org.kslim.policy.CreepLimit;
import org.kslim.check.SplitAnalysis;
import org.kslim.split.Violation;

/**
 * The split's verdicts as JUnit XML (the Ant schema Jenkins and GitLab read): a suite
 * {@code kslim.budgets} with one test case per package and budgeted measure, failing with actual,
 * limit and headroom, a suite {@code kslim.policy} whose one case fails with every violation, and,
 * when creep limits were held against a history, a suite {@code kslim.creep} with one case per
 * limit (skipped when no earlier build is recorded).
 *
 * <pre>{@code
 * AtomicFile.writeString(Path.of("kslim-junit.xml"),
 *     SplitReportJunit.toXml(analysis, LocalDateTime.now(), "build-host"));
 * }</pre>
 */
public final class SplitReportJunit {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private SplitReportJunit() {}

  /** The XML; {@code timestamp} and {@code hostname} go on every suite, as the schema asks. */
  public static String toXml(SplitAnalysis analysis, LocalDateTime timestamp, String hostname) {
    return toXml(analysis, Optional.empty(), timestamp, hostname);
  }

  /** As {@link #toXml(SplitAnalysis, LocalDateTime, String)}, with the suite of the creep limits held. */
  public static String toXml(SplitAnalysis analysis, Optional<CreepResult> creep, LocalDateTime timestamp,
      String hostname) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeCharacters("\n");
      Suite suite = new Suite(xml, timestamp.format(TIMESTAMP), hostname, properties(analysis));
      List<Verdict> verdicts = analysis.budgets().verdicts();
      suite.start(0, "kslim.budgets", verdicts.size(), (int) verdicts.stream().filter(v -> !v.pass()).count(), 0);
      for (Verdict verdict : verdicts) {
        suite.testCase("kslim.budget." + verdict.pkg(), verdict.measure().key(),
            verdict.pass() ? null : failure(verdict), verdict.pass() ? "" : failureText(verdict));
      }
      suite.end(analysis.warnings());
      List<Violation> violations = analysis.split().violations();
      suite.start(1, "kslim.policy", 1, violations.isEmpty() ? 0 : 1, 0);
      suite.testCase("kslim.policy", "rules", violations.isEmpty() ? null : violations.size() + " policy violation(s)",
          String.join("\n", violations.stream().map(SplitReportJunit::describe).toList()));
      suite.end(List.of());
      if (creep.isPresent()) {
        creepSuite(suite, creep.get());
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot render the split's verdicts as JUnit XML", e);
    }
    return text.toString();
  }

  private static void creepSuite(Suite suite, CreepResult creep) throws XMLStreamException {
    boolean skipped = creep.newestEarlier().isEmpty();
    suite.start(2, "kslim.creep", creep.limits().size(), creep.breaches().size(), skipped ? creep.limits().size() : 0);
    for (CreepLimit limit : creep.limits()) {
      String className = "kslim.creep." + limit.pkg();
      String name = limit.measure().key() + (limit.releases() == 1 ? " per release" : " over " + limit.releases() + " releases");
      if (skipped) {
        suite.skipped(className, name, "no earlier build of this flavour is recorded");
      } else {
        Optional<CreepBreach> breach = creep.breach(limit);
        suite.testCase(className, name, breach.map(CreepBreach::describe).orElse(null),
            breach.map(b -> "before " + b.before() + ", after " + b.after() + ", since " + b.baseline().label()).orElse(""));
      }
    }
    suite.end(List.of());
  }

  private static Map<String, String> properties(SplitAnalysis analysis) {
    return Map.of(
        "kernel", analysis.modules().kernelVersion(),
        "input", analysis.packageInfo().name() + " " + analysis.packageInfo().version(),
        "policy", analysis.policy().source());
  }

  private static String failure(Verdict v) {
    return String.format(Locale.ROOT, "%s %s: actual %s, budget %s, headroom %s (%.1f%%)", v.pkg(), v.measure().key(),
        ByteUnits.of(v.measure(), v.actual()), ByteUnits.of(v.measure(), v.limit()),
        ByteUnits.of(v.measure(), v.headroom()), v.headroomPercent());
  }

  private static String failureText(Verdict v) {
    return String.format(Locale.ROOT, "actual %d, budget %d, limit %d%s, headroom %d", v.actual(), v.budget(), v.limit(),
        v.waiver().map(w -> " (waiver +" + w.allow() + " until " + w.expires() + ": " + w.reason() + ")").orElse(""),
        v.headroom());
  }

  private static String describe(Violation violation) {
    return violation.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + violation.message()
        + violation.where().map(w -> " (" + w + ")").orElse("");
  }

  /** Writes the suites one after the other. */
  private record Suite(XMLStreamWriter xml, String timestamp, String hostname, Map<String, String> properties) {
    void start(int id, String name, int tests, int failures, int skipped) throws XMLStreamException {
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", name);
      xml.writeAttribute("package", "kslim");
      xml.writeAttribute("id", Integer.toString(id));
      xml.writeAttribute("timestamp", timestamp);
      xml.writeAttribute("hostname", hostname);
      xml.writeAttribute("tests", Integer.toString(tests));
      xml.writeAttribute("failures", Integer.toString(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", Integer.toString(skipped));
      xml.writeAttribute("time", "0");
      xml.writeCharacters("\n  ");
      xml.writeStartElement("properties");
      for (Map.Entry<String, String> property : new TreeMap<>(properties).entrySet()) {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", property.getKey());
        xml.writeAttribute("value", property.getValue());
      }
      xml.writeEndElement();
    }

    void testCase(String className, String name, String failureMessage, String failureText) throws XMLStreamException {
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", className);
      xml.writeAttribute("name", name);
      xml.writeAttribute("time", "0");
      if (failureMessage != null) {
        xml.writeStartElement("failure");
        xml.writeAttribute("message", failureMessage);
        xml.writeAttribute("type", "kslim.CheckFailed");
        xml.writeCharacters(failureText);
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }

    void skipped(String className, String name, String message) throws XMLStreamException {
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", className);
      xml.writeAttribute("name", name);
      xml.writeAttribute("time", "0");
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", message);
      xml.writeEndElement();
    }

    void end(List<String> systemOut) throws XMLStreamException {
      xml.writeCharacters("\n  ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(String.join("\n", systemOut));
      xml.writeEndElement();
      xml.writeCharacters("\n  ");
      xml.writeEmptyElement("system-err");
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
  }
}

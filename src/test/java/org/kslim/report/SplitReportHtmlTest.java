package org.kslim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.BadInputException;
import org.kslim.testing.LimitProperties;

class SplitReportHtmlTest {
  @TempDir Path dir;

  private static final String HOSTILE = """
      {"schema": "kslim.split/1", "passed": true, "warnings": ["</script><script>alert(1)</script> & <!-- \u2028"],
       "packages": [], "moves": [], "modules": [], "violations": [], "expiredWaivers": []}
      """;

  @Test
  void embedsTheReportSoThatNoStringClosesTheScript() throws IOException {
    String html = SplitReportHtml.render(HOSTILE);
    String data = between(html, "<script id=\"kslim-data\" type=\"application/json\">", "</script>");
    assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028")
        .contains("\\u003c/script\\u003e");
    assertThat(new ObjectMapper().readTree(data)).isEqualTo(new ObjectMapper().readTree(HOSTILE));
    assertThat(html).doesNotContain(SplitReportHtml.PLACEHOLDER);
  }

  @Test
  void isSelfContained() {
    String html = SplitReportHtml.render(HOSTILE);
    assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<script src");
  }

  @Test
  void rendersTheFolderAgainFromItsJson() throws IOException {
    Files.writeString(dir.resolve("report.json"), HOSTILE);
    Path html = SplitReportHtml.write(dir);
    assertThat(html).isEqualTo(dir.resolve("report.html"));
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("alert(1)");
  }

  @Test
  void refusesWhatIsNotASplitReport() throws IOException {
    Files.writeString(dir.resolve("report.json"), "{\"schema\": \"kslim.inspect/1\"}");
    assertThatThrownBy(() -> SplitReportHtml.write(dir)).isInstanceOf(BadInputException.class)
        .hasMessage(dir.resolve("report.json") + ": schema must be kslim.split/1: kslim.inspect/1");
    Files.writeString(dir.resolve("report.json"), "{not json");
    assertThatThrownBy(() -> SplitReportHtml.write(dir)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(dir.resolve("report.json") + ": not JSON: ");
    assertThatThrownBy(() -> SplitReportHtml.write(dir.resolve("missing"))).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(dir.resolve("missing/report.json") + ": cannot read");
  }

  @Test
  void refusesAReportLargerThanTheLimitBeforeReadingIt() throws Exception {
    Files.writeString(dir.resolve("report.json"), HOSTILE);

    LimitProperties.with(SplitReportHtml.REPORT_SIZE, "64", () -> assertThatThrownBy(() -> SplitReportHtml.write(dir))
        .isInstanceOf(BadInputException.class)
        .hasMessage(dir.resolve("report.json") + ": a report of " + HOSTILE.getBytes(StandardCharsets.UTF_8).length + " bytes exceeds the limit of 64 bytes"));
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}

package org.kslim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kslim.AtomicFile;
import org.kslim.BadInputException;
import org.kslim.InputLimit;

/**
 * {@code report.html}: one self-contained page (inline script and style, SVG drawn by the page,
 * no network) built from {@code report.json}. The JSON goes into the page as data, with every
 * {@code <}, {@code >} and {@code &} escaped so that no string in it can close the script.
 *
 * <pre>{@code
 * SplitReportHtml.write(Path.of("split-out"));   // split-out/report.json -> split-out/report.html
 * String html = SplitReportHtml.render(SplitReportJson.toJson(analysis));
 * }</pre>
 */
public final class SplitReportHtml {
  static final String PLACEHOLDER = "@KSLIM_REPORT_DATA@";
  private static final String TEMPLATE = "report.html";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The largest report.json {@link #write(Path)} reads: {@code kslim.limit.report-size}, 256 MiB by default. */
  static final InputLimit REPORT_SIZE = new InputLimit("report-size", 256L << 20);

  private SplitReportHtml() {}

  /** Reads {@code dir/report.json} and writes {@code dir/report.html} next to it. */
  public static Path write(Path dir) {
    Path json = dir.resolve("report.json");
    String text;
    try {
      long size = Files.size(json);
      long limit = REPORT_SIZE.value();
      if (size > limit) {
        throw new BadInputException(json + ": a report of " + size + " bytes exceeds the limit of " + limit + " bytes");
      }
      text = Files.readString(json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(json + ": cannot read: " + e.getMessage(), e);
    }
    Path html = dir.resolve("report.html");
    AtomicFile.writeString(html, render(text, json.toString()));
    return html;
  }

  /** The page for a {@code kslim.split/1} report. */
  public static String render(String reportJson) {
    return render(reportJson, "report.json");
  }

  private static String render(String reportJson, String where) {
    JsonNode root;
    try {
      root = MAPPER.readTree(reportJson);
    } catch (JsonProcessingException e) {
      throw new BadInputException(where + ": not JSON: " + e.getOriginalMessage());
    }
    String schema = root != null && root.path("schema").isTextual() ? root.path("schema").asText() : "";
    if (!schema.startsWith("kslim.split/")) {
      throw new BadInputException(where + ": schema must be " + SplitReportJson.SCHEMA + ": " + (schema.isEmpty() ? "none" : schema));
    }
    String template = template();
    int at = template.indexOf(PLACEHOLDER);
    return template.substring(0, at) + scriptSafe(root.toString()) + template.substring(at + PLACEHOLDER.length());
  }

  /** JSON that stays inside a script element: the characters HTML and JavaScript treat specially, as escapes. */
  static String scriptSafe(String json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String template() {
    try (InputStream in = SplitReportHtml.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("the report template is missing from the jar: " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report template " + TEMPLATE, e);
    }
  }
}

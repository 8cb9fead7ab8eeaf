package org.kslim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kslim.size.Measure;

/** The report package's JSON writing: indented text, and measures keyed as the documents name them. */
final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonText() {}

  /** {@code value} (maps, lists, strings, numbers) as indented JSON; {@code what} names it if that fails. */
  static String write(Object value, String what) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + what + " as JSON: " + e.getMessage(), e);
    }
  }

  /** The measures {@code values} holds, by their keys ({@code installed-kib}...), in {@link Measure}'s order. */
  static Map<String, Long> byKey(Map<Measure, Long> values) {
    Map<String, Long> json = new LinkedHashMap<>();
    for (Measure measure : Measure.values()) {
      Long value = values.get(measure);
      if (value != null) {
        json.put(measure.key(), value);
      }
    }
    return json;
  }
}

package org.kslim.kmod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Hands the non-blank lines of a UTF-8 text to a consumer with their 1-based line numbers. */
final class TextLines {
  /** Receives one line. */
  interface LineConsumer {
    void accept(int number, String line);
  }

  private TextLines() {}

  static void forEach(InputStream in, LineConsumer consumer) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (!line.isBlank()) {
        consumer.accept(number, line);
      }
    }
  }
}

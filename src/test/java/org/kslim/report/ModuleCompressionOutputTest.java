package org.kslim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kslim.decide.ModuleCompressionChoice;
import org.kslim.decide.ModuleCompressionChoice.Figures;

class ModuleCompressionOutputTest {
  private static final List<ModuleCompressionChoice> TABLE = List.of(
      new ModuleCompressionChoice("as-is", "module files as the package holds them",
          List.of(new Figures("core", 80 << 20, 20 << 20, 0), new Figures("extra", 4 << 20, 1 << 20, 0))),
      new ModuleCompressionChoice("xz", "xz --check=crc32 --lzma2=dict=1MiB (xz-java 1.12)",
          List.of(new Figures("core", 30 << 20, 22 << 20, 2 << 20), new Figures("extra", 1 << 20, 1 << 20, 1024))));

  @Test
  void textListsEveryChoiceUnderEachPackageWithItsBound() {
    StringWriter text = new StringWriter();
    DecisionText.moduleCompression(TABLE, new PrintWriter(text, true));

    assertThat(text.toString().lines()).contains(
        "as-is  module files as the package holds them",
        "core                 as-is      80.0 MiB     20.0 MiB exact",
        "                     xz         30.0 MiB     22.0 MiB 2.0 MiB",
        "extra                as-is       4.0 MiB      1.0 MiB exact");
  }

  @Test
  void jsonHoldsEveryFigureInBytes() throws Exception {
    JsonNode json = new ObjectMapper().readTree(DecisionJson.moduleCompression(TABLE));

    assertThat(json.at("/choices/1/name").asText()).isEqualTo("xz");
    assertThat(json.at("/choices/1/packages/0/package").asText()).isEqualTo("core");
    assertThat(json.at("/choices/1/packages/0/installed").asLong()).isEqualTo(30L << 20);
    assertThat(json.at("/choices/1/packages/0/compressedBound").asLong()).isEqualTo(2L << 20);
    assertThat(json.at("/choices/0/packages/1/compressed").asLong()).isEqualTo(1L << 20);
  }
}

package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.kslim.KslimException;
import org.kslim.elf.ElfChannelReader;
import org.kslim.elf.ElfFile;
import org.kslim.elf.ElfSection;
import org.kslim.testing.FuzzContract;

/**
 * Fuzz targets for the module readers: the ELF reader ({@link ElfFile}, every section and symbol
 * table, then {@link ModuleParser} on the same bytes) and module decompression (xz, zstd, gzip by
 * magic, then the ELF inside), and a module read from a file a region at a time against the same
 * bytes read from memory. Each replays its corpus under {@code src/test/resources} in every
 * test run; {@code JAZZER_FUZZ=1} fuzzes one (docs/robustness.md).
 */
class ModuleFuzzTest {
  /** Small enough that a module decompressing past it fails fast; fuzzing runs with a small heap too. */
  private static final long MAX_MODULE_SIZE = 8L << 20;

  private final ModuleParser parser = new ModuleParser(MAX_MODULE_SIZE);
  private final ElfChannelReader channelReader = new ElfChannelReader();

  @FuzzTest(maxDuration = "10m")
  @Timeout(value = FuzzContract.SECONDS_PER_INPUT, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void elf(byte[] input) throws IOException {
    FuzzContract.parsesOrRefuses(() -> readElf(input));
    FuzzContract.parsesOrRefuses(() -> assertThat(parser.parse("kernel/fuzz.ko", input).module().name()).isEqualTo("fuzz"));
    readsAlikeFromAFile(input);
  }

  /**
   * A module read from a file a region at a time (as trees are read, one reader reused for every
   * input) is the module read from memory, or fails with the same message.
   */
  private void readsAlikeFromAFile(byte[] input) throws IOException {
    Path file = Files.createTempFile("kslim-fuzz", ".ko");
    try {
      Files.write(file, input);
      assertThat(outcome(() -> parser.parse("kernel/fuzz.ko", "kernel/fuzz.ko", file, channelReader)))
          .isEqualTo(outcome(() -> parser.parse("kernel/fuzz.ko", input)));
    } finally {
      Files.delete(file);
    }
  }

  /** The module, or the message of the error reading it. */
  private static Object outcome(Supplier<ModuleFile> parse) {
    try {
      return parse.get();
    } catch (KslimException e) {
      return e.getMessage();
    }
  }

  @FuzzTest(maxDuration = "10m")
  @Timeout(value = FuzzContract.SECONDS_PER_INPUT, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void compressed(byte[] input) {
    FuzzContract.parsesOrRefuses(() -> {
      Module module = parser.parse("kernel/fuzz.ko.xz", input).module();
      assertThat(module.size()).isLessThanOrEqualTo(MAX_MODULE_SIZE);
    });
  }

  /** Reads every section's bytes, every symbol table with its names and every section name. */
  private static void readElf(byte[] input) {
    ElfFile elf = ElfFile.parse("fuzz.ko", input);
    long bytes = 0;
    for (ElfSection section : elf.sections()) {
      bytes += elf.bytes(section).remaining();
      if (section.type() == ElfSection.SHT_SYMTAB || section.type() == ElfSection.SHT_DYNSYM) {
        assertThat(elf.symbols(section)).hasSize(elf.symbolTable(section).count());
      }
    }
    assertThat(bytes).isNotNegative();
  }
}

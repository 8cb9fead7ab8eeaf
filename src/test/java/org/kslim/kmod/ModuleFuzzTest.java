package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.kslim.elf.ElfFile;
import org.kslim.elf.ElfSection;
import org.kslim.testing.FuzzContract;

/**
 * Fuzz targets for the module readers: the ELF reader ({@link ElfFile}, every section and symbol
 * table, then {@link ModuleParser} on the same bytes) and module decompression (xz, zstd, gzip by
 * magic, then the ELF inside). Each replays its corpus under {@code src/test/resources} in every
 * test run; {@code JAZZER_FUZZ=1} fuzzes one (docs/robustness.md).
 */
class ModuleFuzzTest {
  /** Small enough that a module decompressing past it fails fast; fuzzing runs with a small heap too. */
  private static final long MAX_MODULE_SIZE = 8L << 20;

  private final ModuleParser parser = new ModuleParser(MAX_MODULE_SIZE);

  @FuzzTest(maxDuration = "10m")
  @Timeout(value = FuzzContract.SECONDS_PER_INPUT, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void elf(byte[] input) {
    FuzzContract.parsesOrRefuses(() -> readElf(input));
    FuzzContract.parsesOrRefuses(() -> assertThat(parser.parse("kernel/fuzz.ko", input).module().name()).isEqualTo("fuzz"));
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

package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kslim.MalformedInputException;
import org.kslim.elf.ElfClass;
import org.kslim.elf.ElfFile;
import org.kslim.elf.ElfHeader;
import org.kslim.elf.ElfSymbol;
import org.kslim.testing.ElfBuilder;

class ModuleVersionsTest {
  private static final int STT_NOTYPE = 0;

  @Test
  void findsTheFirstEntryOfANameAsLibkmodsScanDoes() {
    ModuleVersions versions = ModuleVersions.of(ElfFile.parse("m.ko", ElfBuilder.x86_64()
        .version("module_layout", 1).version("kfree", 2).version("kfree", 3).version("kmalloc", 4).build()));

    assertThat(versions.count()).isEqualTo(4);
    assertThat(versions.first("kfree")).isEqualTo(1);
    assertThat(versions.crc(versions.first("kfree"))).isEqualTo(2);
    assertThat(versions.first("kmalloc")).isEqualTo(3);
    assertThat(versions.first("kmallo")).isEqualTo(-1);
    assertThat(versions.first("kmalloc_")).isEqualTo(-1);
    assertThat(versions.name(2)).isEqualTo("kfree");
  }

  @Test
  void findsNamesThatAreNotAscii() {
    ModuleVersions versions = ModuleVersions.of(ElfFile.parse("m.ko", ElfBuilder.x86_64()
        .version("grüße", 5).version("gruse", 6).version("grüße", 7).build()));

    assertThat(versions.first("grüße")).isEqualTo(0);
    assertThat(versions.first("gruse")).isEqualTo(1);
    assertThat(versions.name(0)).isEqualTo("grüße");
  }

  /** Thousands of names, many sharing a hash bucket: every lookup agrees with a linear scan, as libkmod's. */
  @Test
  void agreesWithALinearScanOnManyRandomNames() {
    Random random = new Random(20261127);
    ElfBuilder builder = new ElfBuilder(ElfClass.ELF32, ByteOrder.BIG_ENDIAN, ElfHeader.EM_S390);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String name = "s" + Integer.toString(random.nextInt(2500), 36) + (random.nextInt(9) == 0 ? "é" : "");
      names.add(name);
      builder.version(name, i);
    }
    ModuleVersions versions = ModuleVersions.of(ElfFile.parse("m.ko", builder.build()));

    for (int probe = 0; probe < 3000; probe++) {
      String name = "s" + Integer.toString(random.nextInt(2600), 36) + (random.nextInt(9) == 0 ? "é" : "");
      int expected = names.indexOf(name);
      assertThat(versions.first(name)).as(name).isEqualTo(expected);
      if (expected >= 0) {
        assertThat(versions.crc(expected)).isEqualTo(expected);
      }
    }
  }

  @Test
  void aModuleWithoutVersionsHasNone() {
    ModuleVersions versions = ModuleVersions.of(ElfFile.parse("m.ko", ElfBuilder.x86_64().modinfo("license=GPL").build()));

    assertThat(versions.count()).isZero();
    assertThat(versions.first("kfree")).isEqualTo(-1);
  }

  @Test
  void aNameWithoutItsNulBeforeTheSectionsEndIsMalformed() {
    // ELF32: a 4-byte CRC and 60 bytes of name, the last entry's without a NUL
    byte[] ko = new ElfBuilder(ElfClass.ELF32, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_386)
        .version("kfree", 1).version("x".repeat(60), 2).build();

    assertThatThrownBy(() -> ModuleVersions.of(ElfFile.parse("m.ko", ko)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("m.ko: malformed ELF at offset ")
        .hasMessageContaining("__versions");
  }

  /** A name whose symbol table entry repeats takes the first entry each time; the unmatched duplicate entry still counts. */
  @Test
  void undefinedSymbolsTakeTheFirstEntryAndListTheUnmatchedOnesAfter() {
    byte[] ko = ElfBuilder.x86_64()
        .needs("kfree", 10)
        .version("kfree", 11)
        .symbol("kmalloc", 0, ElfSymbol.Binding.WEAK, STT_NOTYPE, ElfSymbol.SHN_UNDEF)
        .version("module_layout", 12)
        .build();

    assertThat(new ModuleParser().parse("m.ko", ko).module().undefined()).containsExactly(
        new ModuleSymbol("kfree", 10, true, false),
        new ModuleSymbol("kmalloc", 0, false, true),
        new ModuleSymbol("kfree", 11, true, false),
        new ModuleSymbol("module_layout", 12, true, false));
  }
}

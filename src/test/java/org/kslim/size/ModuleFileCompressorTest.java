package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.kslim.source.Compression;
import org.tukaani.xz.XZInputStream;

class ModuleFileCompressorTest {
  private static final byte[] MODULE = Fixtures.compressible(200_000, 3);

  @Test
  void xzIsWhatModulesInstallWrites() throws IOException {
    byte[] xz = ModuleFileCompressor.of(Compression.XZ).recompress(MODULE, "a.ko");

    assertThat(new XZInputStream(new ByteArrayInputStream(xz)).readAllBytes()).isEqualTo(MODULE);
    // stream flags: CRC32 check, as --check=crc32 writes
    assertThat(xz[7]).isEqualTo((byte) 0x01);
    // the block header's LZMA2 dictionary byte: 16 is 2 << (16 / 2 + 11), 1 MiB (Debian 6.12's .ko.xz hold the same)
    assertThat(xz[12 + 4]).isEqualTo((byte) 16);
    assertThat(xz.length).isLessThan(MODULE.length / 2);
  }

  @Test
  void zstdAndNoneRoundTripFromACompressedModule() throws IOException {
    byte[] xz = ModuleFileCompressor.of(Compression.XZ).recompress(MODULE, "a.ko");
    byte[] zst = ModuleFileCompressor.of(Compression.ZSTD).recompress(xz, "a.ko.xz");

    assertThat(new ZstdInputStream(new ByteArrayInputStream(zst)).readAllBytes()).isEqualTo(MODULE);
    assertThat(ModuleFileCompressor.of(Compression.NONE).recompress(zst, "a.ko.zst")).isEqualTo(MODULE);
    assertThat(ModuleFileCompressor.of(Compression.XZ).recompress(xz, "a.ko.xz")).isSameAs(xz);
  }

  @Test
  void pathsTakeTheSuffixOfTheChoice() {
    assertThat(ModuleFileCompressor.of(Compression.XZ).path("lib/modules/6.1/kernel/fs/ext4.ko")).endsWith("ext4.ko.xz");
    assertThat(ModuleFileCompressor.of(Compression.NONE).path("kernel/a.ko.zst")).isEqualTo("kernel/a.ko");
    assertThat(ModuleFileCompressor.isModule("kernel/a.ko.gz")).isTrue();
    assertThat(ModuleFileCompressor.isModule("modules.dep")).isFalse();
    assertThatThrownBy(() -> ModuleFileCompressor.of(Compression.XZ).path("modules.dep"))
        .hasMessageContaining("not a module file: modules.dep");
    assertThatThrownBy(() -> ModuleFileCompressor.of(Compression.LZ4))
        .hasMessageContaining("must be none, xz, zstd or gzip: LZ4");
  }
}

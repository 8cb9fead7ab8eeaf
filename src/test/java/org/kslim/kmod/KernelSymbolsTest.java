package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KernelSymbolsTest {
  @Test
  void moduleSymversGivesTheKernelImagesExportsWithCrcs() throws IOException {
    String symvers = "0x92997ed8\tprintk\tvmlinux\tEXPORT_SYMBOL\t\n"
        + "0x11111111\tvring_new\tdrivers/virtio/virtio_ring\tEXPORT_SYMBOL_GPL\t\n";

    KernelSymbols kernel = KernelSymbols.from(KernelExports.fromSymvers("Module.symvers", stream(symvers)));

    assertThat(kernel.versioned()).isTrue();
    assertThat(kernel.crc("printk")).isEqualTo(0x92997ed8L);
    assertThat(kernel.contains("vring_new")).isFalse();
    assertThat(kernel.contains("__this_module")).isTrue();
    assertThat(kernel.contains("_GLOBAL_OFFSET_TABLE_")).isTrue();
  }

  @Test
  void systemMapGivesNamesWithoutCrcs() throws IOException {
    String map = "ffffffff81000000 T _text\nffffffff82a1b2c0 r __ksymtab_printk\n";

    KernelSymbols kernel = KernelSymbols.from(KernelExports.fromSystemMap("System.map", stream(map)));

    assertThat(kernel.versioned()).isFalse();
    assertThat(kernel.contains("printk")).isTrue();
    assertThat(kernel.contains("_text")).isFalse();
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }
}

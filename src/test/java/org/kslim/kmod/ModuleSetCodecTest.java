package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModuleSetCodecTest {
  @Test
  void readsBackWhatItWrote() throws IOException {
    ModuleSet read = new ModuleSetReader().read(ModuleSetReaderTest.cloudLike());
    ModuleSet set = new ModuleSet(read.kernelVersion(), read.modulesRoot(), read.files(), read.modulesOrder(),
        read.modulesBuiltin(), read.builtinModinfo(), read.kernelImage(), read.bootFiles(), read.otherEntries(),
        List.of(new ModuleProblem("kernel/bad.ko", "linux.deb!lib/modules/6.1/kernel/bad.ko: not ELF")));

    assertThat(decode(encode(set))).isEqualTo(set);
  }

  @Test
  void truncatedOrDamagedBytesFailAsCorruptNeverAllocatingWhatACountClaims() throws IOException {
    byte[] bytes = encode(new ModuleSetReader().read(ModuleSetReaderTest.cloudLike()));
    for (int cut : new int[] {0, 5, bytes.length / 2, bytes.length - 1}) {
      assertThatThrownBy(() -> decode(Arrays.copyOf(bytes, cut))).isInstanceOf(IOException.class);
    }
    byte[] hugeCount = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).array();
    assertThatThrownBy(() -> decode(hugeCount)).isInstanceOf(StreamCorruptedException.class)
        .hasMessageContaining("count 2147483647");
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] damaged = bytes.clone();
      damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
      try {
        decode(damaged);
      } catch (IOException | IllegalArgumentException expected) {
        assertThat(expected.getMessage()).isNotNull();
      }
    }
  }

  private static byte[] encode(ModuleSet set) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      ModuleSetCodec.write(set, out);
    }
    return bytes.toByteArray();
  }

  private static ModuleSet decode(byte[] bytes) throws IOException {
    return ModuleSetCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
  }
}

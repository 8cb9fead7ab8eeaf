package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModuleStringsTest {
  @Test
  void splitsAtRunsOfNulsKeepingAnUnterminatedLastString() {
    ByteBuffer section = ByteBuffer.wrap("\0\0license=GPL\0\0\0alias=virtio:d00000002v*\0depends".getBytes(StandardCharsets.UTF_8));

    assertThat(ModuleStrings.split(section)).containsExactly("license=GPL", "alias=virtio:d00000002v*", "depends");
    assertThat(ModuleStrings.fields(section)).containsExactly(new ModInfo.Field("license", "GPL"),
        new ModInfo.Field("alias", "virtio:d00000002v*"), new ModInfo.Field("depends", ""));
  }

  @Test
  void aSectionOfAtMostOneByteAfterItsNulsHoldsNoString() {
    assertThat(ModuleStrings.split(ByteBuffer.wrap(new byte[] {0, 0, 'x'}))).isEmpty();
    assertThat(ModuleStrings.fields(ByteBuffer.wrap(new byte[] {0, 0, 'x'}))).isEmpty();
    assertThat(ModuleStrings.split(ByteBuffer.wrap(new byte[] {0, 'x', 'y'}))).containsExactly("xy");
  }

  /** Fields split at the byte {@code =} are those split at the character, whatever the bytes around it. */
  @Test
  void fieldsAreTheSplitStringsCutAtTheirFirstEquals() {
    byte[] alphabet = {0, 0, '=', '=', 'a', 'b', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, (byte) 0xE2, (byte) 0x82};
    Random random = new Random(20261127);
    for (int round = 0; round < 2000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = alphabet[random.nextInt(alphabet.length)];
      }
      ByteBuffer section = ByteBuffer.wrap(bytes, 0, bytes.length).slice();

      assertThat(ModuleStrings.fields(section))
          .as("%s", java.util.Arrays.toString(bytes))
          .isEqualTo(ModuleStrings.split(section).stream().map(ModuleStrings::field).toList());
    }
  }
}

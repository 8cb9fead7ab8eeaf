package org.kslim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.UsageException;
import org.kslim.testing.LimitProperties;

class HostXzDecoderTest {
  private static HostXzDecoder xz() {
    Optional<HostXzDecoder> found = HostXzDecoder.find();
    assumeTrue(found.isPresent(), "xz not installed");
    return found.get();
  }

  private static List<byte[]> samples() {
    List<byte[]> data = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      data.add(XzStreamIndexTest.data(1_000 + 997 * i, i));
    }
    data.add(new byte[0]);
    data.add(XzStreamIndexTest.data(400_000, 99));
    return data;
  }

  private static List<HostXzDecoder.Input> inputs(List<byte[]> data) throws IOException {
    List<HostXzDecoder.Input> inputs = new ArrayList<>();
    for (byte[] d : data) {
      inputs.add(new HostXzDecoder.Input(ByteBuffer.wrap(XzStreamIndexTest.xz(d, 100_000)), null, d.length));
    }
    return inputs;
  }

  private static void assertDecoded(List<ByteBuffer> decoded, List<byte[]> data) {
    assertThat(decoded).hasSize(data.size());
    for (int i = 0; i < data.size(); i++) {
      assertThat(decoded.get(i)).as("stream %d", i).isEqualTo(ByteBuffer.wrap(data.get(i)));
    }
  }

  @Test
  void decodesABatchOfStreamsIntoEachStreamsContent() throws IOException {
    List<byte[]> data = samples();

    assertDecoded(xz().decode(inputs(data)).orElseThrow(), data);
  }

  @Test
  void readsTheFilesItselfWhenEveryStreamIsAFile(@TempDir Path dir) throws IOException {
    List<byte[]> data = samples();
    List<HostXzDecoder.Input> files = new ArrayList<>();
    for (HostXzDecoder.Input input : inputs(data)) {
      Path file = Files.write(dir.resolve(files.size() + ".ko.xz"), input.stream().array());
      // the stream given is not what xz decodes: the file is
      files.add(new HostXzDecoder.Input(ByteBuffer.allocate(0), file, input.size()));
    }

    assertDecoded(xz().decode(files).orElseThrow(), data);
  }

  @Test
  void answersNothingWhenTheOutputDoesNotAddUpOrTheDataIsCorrupt() throws IOException {
    List<byte[]> data = samples();
    List<HostXzDecoder.Input> inputs = inputs(data);
    HostXzDecoder.Input third = inputs.get(3);
    List<HostXzDecoder.Input> fewer = new ArrayList<>(inputs);
    fewer.set(3, new HostXzDecoder.Input(third.stream(), null, third.size() - 1));
    List<HostXzDecoder.Input> more = new ArrayList<>(inputs);
    more.set(3, new HostXzDecoder.Input(third.stream(), null, third.size() + 1));
    List<HostXzDecoder.Input> corrupt = new ArrayList<>(inputs);
    byte[] damaged = inputs.get(5).stream().array().clone();
    damaged[damaged.length / 2] ^= 0x55;
    corrupt.set(5, new HostXzDecoder.Input(ByteBuffer.wrap(damaged), null, inputs.get(5).size()));

    assertThat(xz().decode(fewer)).as("output left over").isEmpty();
    assertThat(xz().decode(more)).as("output short").isEmpty();
    assertThat(xz().decode(corrupt)).as("corrupt").isEmpty();
    assertThatThrownBy(() -> new HostXzDecoder.Input(ByteBuffer.allocate(0), null, -1))
        .hasMessage("size must not be negative: -1");
  }

  @Test
  void thePropertyTurnsTheHostsXzOffOrIsRefused() throws Exception {
    LimitProperties.withProperty(HostXzDecoder.PROPERTY, "builtin", () -> assertThat(HostXzDecoder.find()).isEmpty());
    LimitProperties.withProperty(HostXzDecoder.PROPERTY, "liblzma", () -> assertThatThrownBy(HostXzDecoder::find)
        .isInstanceOf(UsageException.class)
        .hasMessage("system property kslim.xz-decoder must be auto or builtin: 'liblzma'"));
  }
}

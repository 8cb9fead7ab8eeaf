package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.kslim.MalformedInputException;
import org.kslim.source.Compression;
import org.tukaani.xz.XZInputStream;

class CompressorTest {
  private static final byte[] DATA = Fixtures.compressible(300_000, 7);

  private static byte[] compress(Compressor compressor, byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream stream = compressor.open(out)) {
      for (int at = 0; at < data.length; at += 7000) {
        stream.write(data, at, Math.min(7000, data.length - at));
      }
    }
    return out.toByteArray();
  }

  private static byte[] decompress(Compression compression, byte[] data) throws IOException {
    InputStream in = new ByteArrayInputStream(data);
    try (InputStream plain = switch (compression) {
      case XZ -> new XZInputStream(in);
      case ZSTD -> new ZstdInputStream(in);
      default -> new GZIPInputStream(in);
    }) {
      return plain.readAllBytes();
    }
  }

  private static boolean onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"XZ", "ZSTD", "GZIP"})
  void builtInRoundTrips(Compression compression) throws IOException {
    Compressor compressor = CompressorKind.BUILT_IN.create(new PayloadCompression(compression, 3), 2);
    byte[] packed = compress(compressor, DATA);

    assertThat(packed.length).isLessThan(DATA.length / 2);
    assertThat(decompress(compression, packed)).isEqualTo(DATA);
    assertThat(compressor.description().level()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"XZ", "ZSTD", "GZIP"})
  void systemRoundTripsAndNamesTheProgramVersion(Compression compression) throws IOException {
    String program = compression.name().toLowerCase(java.util.Locale.ROOT);
    assumeTrue(onPath(program), program + " not installed");
    Compressor compressor = CompressorKind.SYSTEM.create(new PayloadCompression(compression, 3), 2);

    assertThat(decompress(compression, compress(compressor, DATA))).isEqualTo(DATA);
    assertThat(compressor.description().implementation()).isEqualTo(program);
    assertThat(compressor.description().version()).matches("\\d+(\\.\\d+)+");
  }

  @Test
  void zstdJobsGiveTheSameStreamOnAnyNumberOfThreads() throws IOException {
    byte[] data = Fixtures.compressible(3_000_000, 11);
    byte[] one = compress(new ZstdCompressor(3, 1, 1 << 20), data);

    assertThat(compress(new ZstdCompressor(3, 2, 1 << 20), data)).isEqualTo(one);
    assertThat(compress(new ZstdCompressor(3, 4, 1 << 20), data)).isEqualTo(one);
    assertThat(decompress(Compression.ZSTD, one)).isEqualTo(data);
    assertThat(new ZstdCompressor(19, 2).description().label())
        .startsWith("zstd -19 (zstd-jni ").endsWith(", 2 threads, 33554432-byte blocks, overlapLog 6)");
    assertThatThrownBy(() -> new ZstdCompressor(3, 0)).hasMessage("threads must be at least 1: 0");
  }

  @Test
  void aZstdJobRefersBackOneEighthOfTheWindowIntoTheJobBeforeIt() throws IOException {
    // two jobs of 2 MiB, the second a copy of the first; level 19's window is 8 MiB, so the
    // default overlap would find all of the copy, overlapLog 6 only its last 1 MiB
    byte[] half = new byte[2 << 20];
    new java.util.Random(5).nextBytes(half);
    byte[] data = Arrays.copyOf(half, half.length * 2);
    System.arraycopy(half, 0, data, half.length, half.length);

    int packed = compress(new ZstdCompressor(19, 2, half.length), data).length;

    assertThat(packed).isBetween(half.length + (1 << 20), half.length + (1 << 20) + 100_000);
  }

  @Test
  void xzBlocksAreIndependentAndFormOneMultiBlockStream() throws IOException {
    XzBlockCompressor blocks = new XzBlockCompressor(1, 2, 64_000);
    byte[] packed = compress(blocks, DATA);

    assertThat(decompress(Compression.XZ, packed)).isEqualTo(DATA);
    // one stream: a single header magic, five blocks of 64000 bytes (the last one short)
    assertThat(indexOf(packed, new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0}, 1)).isEqualTo(-1);
    long independent = 0;
    for (int at = 0; at < DATA.length; at += 64_000) {
      byte[] one = compress(new XzBlockCompressor(1, 1, 64_000),
          Arrays.copyOfRange(DATA, at, Math.min(DATA.length, at + 64_000)));
      independent += XzStreamFormat.singleBlock(one).bytes().length;
    }
    assertThat(packed.length - independent).isBetween(32L, 64L);
    assertThat(blocks.description().blockSize()).isEqualTo(64_000);
  }

  @Test
  void systemXzBlockByBlockWritesTheStreamOfXzOnTheWholeInput() throws IOException {
    assumeTrue(onPath("xz"), "xz not installed");
    for (int threads : new int[] {1, 2}) {
      for (int size : new int[] {0, 1000, 64_000, DATA.length}) {
        byte[] input = Arrays.copyOf(DATA, size);
        byte[] whole = compress(SystemCompressor.xz(6, threads, 64_000), input);
        XzBlockCompressor blocks = XzBlockCompressor.system(6, threads, 64_000);

        assertThat(compress(blocks, input)).as("%d threads, %d bytes", threads, size).isEqualTo(whole);
        assertThat(blocks.description()).isEqualTo(SystemCompressor.xz(6, threads, 64_000).description());
      }
    }
  }

  @Test
  void xzOfNothingIsAnEmptyStream() throws IOException {
    byte[] packed = compress(new XzBlockCompressor(6, 2, 1000), new byte[0]);

    assertThat(packed).hasSize(32);
    assertThat(decompress(Compression.XZ, packed)).isEmpty();
  }

  @Test
  void defaultXzBlockIsThreeDictionariesAsLiblzmaMultiThreaded() {
    assertThat(CompressorKind.xzBlockSize(6)).isEqualTo(3L * 8 * 1024 * 1024);
    assertThat(CompressorKind.BUILT_IN.create(PayloadCompression.DEB_DEFAULT, 2).description().label())
        .startsWith("xz -6 (xz-java ").endsWith(", 2 threads, 25165824-byte blocks)");
  }

  @Test
  void rejectsAStreamThatIsNotOneXzBlock() {
    assertThatThrownBy(() -> XzStreamFormat.singleBlock(new byte[30]))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("malformed xz at offset 0");
    assertThatThrownBy(() -> CompressorKind.BUILT_IN.create(new PayloadCompression(Compression.BZIP2, 9), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BZIP2");
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = from; i <= haystack.length - needle.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}

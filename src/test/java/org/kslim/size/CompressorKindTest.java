package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZOutputStream;

class CompressorKindTest {
  @Test
  void libraryVersionsRecordedByTheBuildAreThoseOfTheJarsOnTheClassPath() {
    // in the shaded jar every class shares kslim's manifest; the recorded versions must still name the libraries'
    assertThat(CompressorKind.libraryVersion(XZOutputStream.class))
        .isEqualTo(XZOutputStream.class.getPackage().getImplementationVersion()).isNotBlank();
    assertThat(CompressorKind.libraryVersion(ZstdOutputStreamNoFinalizer.class))
        .isEqualTo(ZstdOutputStreamNoFinalizer.class.getPackage().getImplementationVersion()).isNotBlank();
    assertThat(CompressorKind.BUILT_IN.create(PayloadCompression.DEB_DEFAULT, 2).description().label())
        .contains("(xz-java " + XZOutputStream.class.getPackage().getImplementationVersion() + ", 2 threads");
  }

  @Test
  void threadsMustBePositive() {
    assertThatThrownBy(() -> CompressorKind.BUILT_IN.create(PayloadCompression.DEB_DEFAULT, 0))
        .hasMessage("threads must be at least 1: 0");
  }
}

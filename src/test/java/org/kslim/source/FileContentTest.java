package org.kslim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentTest {
  @TempDir Path dir;

  @Test
  void mapsTheWholeFileWhateverWasReadAndTheMappingOutlivesTheContent() throws IOException {
    Path file = Files.write(dir.resolve("m.ko"), new byte[] {1, 2, 3, 4, 5});
    ByteBuffer mapped;
    try (FileContent content = FileContent.open(file)) {
      assertThat(content.file()).isEqualTo(file);
      assertThat(content.size()).isEqualTo(5);
      assertThat(content.read()).isEqualTo(1);
      mapped = content.map();
      assertThat(content.readAllBytes()).containsExactly(2, 3, 4, 5);
    }
    byte[] all = new byte[mapped.remaining()];
    mapped.get(all);
    assertThat(all).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void opensTheFileOnlyWhenFirstReadAndNeverAfterItIsClosed() throws IOException {
    Path file = dir.resolve("later.ko");
    FileContent content = FileContent.open(file);
    Files.write(file, new byte[] {7, 8});

    assertThat(content.readAllBytes()).containsExactly(7, 8);
    content.close();
    assertThatThrownBy(content::read).isInstanceOf(ClosedChannelException.class);

    FileContent missing = FileContent.open(dir.resolve("missing.ko"));
    assertThatThrownBy(missing::size).isInstanceOf(NoSuchFileException.class);
    missing.close();
  }
}

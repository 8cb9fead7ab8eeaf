package org.kslim.size;

import java.nio.charset.StandardCharsets;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;

/** Small file sets written in memory for the size tests. */
final class Fixtures {
  static final long MTIME = 1_700_000_000L;

  private Fixtures() {}

  static FileContent file(String path, String text) {
    return file(path, text.getBytes(StandardCharsets.UTF_8));
  }

  static FileContent file(String path, byte[] bytes) {
    return new FileContent(new Entry(path, EntryType.FILE, 0644, "root", "root", MTIME, bytes.length, null), bytes);
  }

  static FileContent dir(String path) {
    return FileContent.of(new Entry(path, EntryType.DIRECTORY, 0755, "root", "root", MTIME, 0, null));
  }

  static FileContent symlink(String path, String target) {
    return FileContent.of(new Entry(path, EntryType.SYMLINK, 0777, "root", "root", MTIME, 0, target));
  }

  static FileContent hardlink(String path, String target) {
    return FileContent.of(new Entry(path, EntryType.HARDLINK, 0644, "root", "root", MTIME, 0, target));
  }

  /** Bytes that compress like code: repeated words with a deterministic sprinkle of noise. */
  static byte[] compressible(int length, long seed) {
    java.util.Random random = new java.util.Random(seed);
    String[] words = {"module_init", "printk", "kmalloc", "GFP_KERNEL", "0x00", "struct", "__ksymtab"};
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(words[random.nextInt(words.length)]).append(random.nextInt(100) < 10 ? random.nextInt() : ' ');
    }
    return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
  }
}

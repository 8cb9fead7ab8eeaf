package org.kslim.elf;

/**
 * An ELF file's class ({@code EI_CLASS}): the width of its addresses and so the sizes of its
 * headers and symbol entries.
 *
 * <pre>{@code
 * ElfClass.ELF64.sectionHeaderSize();  // 64
 * ElfClass.ELF32.symbolSize();         // 16
 * }</pre>
 */
public enum ElfClass {
  ELF32(1, 4, 52, 40, 16),
  ELF64(2, 8, 64, 64, 24);

  private final int identValue;
  private final int wordSize;
  private final int fileHeaderSize;
  private final int sectionHeaderSize;
  private final int symbolSize;

  ElfClass(int identValue, int wordSize, int fileHeaderSize, int sectionHeaderSize, int symbolSize) {
    this.identValue = identValue;
    this.wordSize = wordSize;
    this.fileHeaderSize = fileHeaderSize;
    this.sectionHeaderSize = sectionHeaderSize;
    this.symbolSize = symbolSize;
  }

  /** The {@code EI_CLASS} byte: 1 or 2. */
  public int identValue() {
    return identValue;
  }

  /** Bytes of an address or size field: 4 or 8. */
  public int wordSize() {
    return wordSize;
  }

  public int fileHeaderSize() {
    return fileHeaderSize;
  }

  public int sectionHeaderSize() {
    return sectionHeaderSize;
  }

  public int symbolSize() {
    return symbolSize;
  }
}

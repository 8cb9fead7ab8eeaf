package org.kslim.kmod;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.elf.ElfClass;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;

/**
 * The binary form of a {@link ModuleSet} (and of package entries) that kslim keeps in its cache,
 * so that a package read once need not be decoded and parsed again. Reading is bounded: every
 * count and length is checked against the bytes left before anything is allocated, and anything
 * out of place fails with a {@link StreamCorruptedException}.
 *
 * <pre>{@code
 * ByteArrayOutputStream bytes = new ByteArrayOutputStream();
 * ModuleSetCodec.write(set, new DataOutputStream(bytes));
 * ModuleSet back = ModuleSetCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
 * }</pre>
 */
public final class ModuleSetCodec {
  private static final ElfClass[] CLASSES = ElfClass.values();
  private static final EntryType[] TYPES = EntryType.values();

  private ModuleSetCodec() {}

  public static void write(ModuleSet set, DataOutputStream out) throws IOException {
    writeString(set.kernelVersion(), out);
    writeString(set.modulesRoot(), out);
    writeList(set.files(), out, ModuleSetCodec::writeFile);
    writeList(set.modulesOrder(), out, ModuleSetCodec::writeString);
    writeList(set.modulesBuiltin(), out, ModuleSetCodec::writeString);
    out.writeInt(set.builtinModinfo().size());
    for (Map.Entry<String, ModInfo> e : set.builtinModinfo().entrySet()) {
      writeString(e.getKey(), out);
      writeModInfo(e.getValue(), out);
    }
    out.writeBoolean(set.kernelImage().isPresent());
    if (set.kernelImage().isPresent()) {
      writeEntry(set.kernelImage().get(), out);
    }
    writeList(set.bootFiles(), out, ModuleSetCodec::writeEntry);
    writeList(set.otherEntries(), out, ModuleSetCodec::writeEntry);
    writeList(set.problems(), out, (problem, o) -> {
      writeString(problem.path(), o);
      writeString(problem.reason(), o);
    });
  }

  public static ModuleSet read(DataInputStream in) throws IOException {
    String version = readString(in);
    String root = readString(in);
    List<ModuleFile> files = readList(in, ModuleSetCodec::readFile);
    List<String> order = readList(in, ModuleSetCodec::readString);
    List<String> builtin = readList(in, ModuleSetCodec::readString);
    Map<String, ModInfo> builtinModinfo = new LinkedHashMap<>();
    for (int i = readCount(in); i > 0; i--) {
      builtinModinfo.put(readString(in), readModInfo(in));
    }
    Optional<Entry> image = in.readBoolean() ? Optional.of(readEntry(in)) : Optional.empty();
    List<Entry> boot = readList(in, ModuleSetCodec::readEntry);
    List<Entry> others = readList(in, ModuleSetCodec::readEntry);
    List<ModuleProblem> problems = readList(in, i -> new ModuleProblem(readString(i), readString(i)));
    return new ModuleSet(version, root, files, order, builtin, builtinModinfo, image, boot, others, problems);
  }

  public static void writeEntry(Entry entry, DataOutputStream out) throws IOException {
    writeString(entry.path(), out);
    out.writeByte(entry.type().ordinal());
    out.writeInt(entry.mode());
    writeString(entry.user(), out);
    writeString(entry.group(), out);
    out.writeLong(entry.mtime());
    out.writeLong(entry.size());
    out.writeBoolean(entry.linkTarget() != null);
    if (entry.linkTarget() != null) {
      writeString(entry.linkTarget(), out);
    }
  }

  public static Entry readEntry(DataInputStream in) throws IOException {
    String path = readString(in);
    EntryType type = TYPES[readIndex(in.readUnsignedByte(), TYPES.length)];
    int mode = in.readInt();
    String user = readString(in);
    String group = readString(in);
    long mtime = in.readLong();
    long size = in.readLong();
    String target = in.readBoolean() ? readString(in) : null;
    if (size < 0) {
      throw new StreamCorruptedException("negative size " + size + " of " + path);
    }
    return new Entry(path, type, mode, user, group, mtime, size, target);
  }

  /** A count written by {@link DataOutputStream#writeInt}, at most the bytes left (every item takes one at least). */
  public static int readCount(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > in.available()) {
      throw new StreamCorruptedException("count " + count + " with " + in.available() + " bytes left");
    }
    return count;
  }

  public static void writeString(String value, DataOutputStream out) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  public static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[readCount(in)];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeFile(ModuleFile file, DataOutputStream out) throws IOException {
    writeModule(file.module(), out);
    ModuleElf elf = file.elf();
    out.writeByte(elf.elfClass().ordinal());
    out.writeBoolean(elf.byteOrder() == ByteOrder.BIG_ENDIAN);
    out.writeInt(elf.machine());
    writeString(elf.machineName(), out);
  }

  private static ModuleFile readFile(DataInputStream in) throws IOException {
    Module module = readModule(in);
    ElfClass elfClass = CLASSES[readIndex(in.readUnsignedByte(), CLASSES.length)];
    ByteOrder order = in.readBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    return new ModuleFile(module, new ModuleElf(elfClass, order, in.readInt(), readString(in)));
  }

  private static void writeModule(Module module, DataOutputStream out) throws IOException {
    writeString(module.path(), out);
    writeString(module.name(), out);
    out.writeLong(module.storedSize());
    out.writeLong(module.size());
    writeModInfo(module.modinfo(), out);
    writeSymbols(module.exports(), out);
    writeSymbols(module.undefined(), out);
  }

  private static Module readModule(DataInputStream in) throws IOException {
    return new Module(readString(in), readString(in), in.readLong(), in.readLong(), readModInfo(in),
        readSymbols(in), readSymbols(in));
  }

  private static void writeModInfo(ModInfo info, DataOutputStream out) throws IOException {
    writeList(info.fields(), out, (field, o) -> {
      writeString(field.key(), o);
      writeString(field.value(), o);
    });
  }

  private static ModInfo readModInfo(DataInputStream in) throws IOException {
    return new ModInfo(readList(in, i -> new ModInfo.Field(readString(i), readString(i))));
  }

  private static void writeSymbols(List<ModuleSymbol> symbols, DataOutputStream out) throws IOException {
    writeList(symbols, out, (symbol, o) -> {
      writeString(symbol.name(), o);
      o.writeLong(symbol.crc());
      o.writeByte((symbol.hasCrc() ? 1 : 0) | (symbol.weak() ? 2 : 0));
    });
  }

  private static List<ModuleSymbol> readSymbols(DataInputStream in) throws IOException {
    return readList(in, i -> {
      String name = readString(i);
      long crc = i.readLong();
      int flags = readIndex(i.readUnsignedByte(), 4);
      return new ModuleSymbol(name, crc, (flags & 1) != 0, (flags & 2) != 0);
    });
  }

  /** Writes one item. */
  @FunctionalInterface
  private interface ItemWriter<T> {
    void write(T item, DataOutputStream out) throws IOException;
  }

  /** Reads one item. */
  @FunctionalInterface
  private interface ItemReader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static <T> void writeList(List<T> items, DataOutputStream out, ItemWriter<T> writer) throws IOException {
    out.writeInt(items.size());
    for (T item : items) {
      writer.write(item, out);
    }
  }

  private static <T> List<T> readList(DataInputStream in, ItemReader<T> reader) throws IOException {
    List<T> items = new ArrayList<>();
    for (int i = readCount(in); i > 0; i--) {
      items.add(reader.read(in));
    }
    return items;
  }

  private static int readIndex(int value, int limit) throws StreamCorruptedException {
    if (value >= limit) {
      throw new StreamCorruptedException("value " + value + " out of range 0.." + (limit - 1));
    }
    return value;
  }
}

package org.kslim.testing;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.kslim.elf.ElfClass;
import org.kslim.elf.ElfHeader;
import org.kslim.source.Compression;
import org.kslim.source.CompressionTest;
import org.kslim.source.deb.DebBuilder;
import org.kslim.source.rpm.RpmBuilder;

/**
 * Writes the seed inputs of the fuzz targets from the test-side writers into the folders Jazzer
 * replays ({@code <package>/<Class>Inputs/<method>/} under the test resources). Run it again when
 * a writer changes; the fuzzer's own finds and findings sit next to these seeds.
 *
 * <pre>{@code
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.kslim.testing.FuzzSeeds src/test/resources
 * }</pre>
 */
public final class FuzzSeeds {
  private static final String MODULES = "./lib/modules/6.1.0-56-amd64/";
  private static final String FEDORA_POLICY = """
      packages:
        - name: modules-core
          depends-on: []
        - name: modules
          depends-on: [modules-core]
      rules:
        - drivers/net/virtio_net.ko: modules-core
          exact_pkg: true
        - default: modules
      """;

  private FuzzSeeds() {}

  public static void main(String[] args) throws IOException {
    Path resources = Path.of(args[0]);
    write(resources.resolve("org/kslim/kmod/ModuleFuzzTestInputs/elf"), elfSeeds());
    write(resources.resolve("org/kslim/kmod/ModuleFuzzTestInputs/compressed"), compressedSeeds());
    write(resources.resolve("org/kslim/source/PackageFuzzTestInputs/deb"), debSeeds());
    write(resources.resolve("org/kslim/source/PackageFuzzTestInputs/rpm"), rpmSeeds());
    write(resources.resolve("org/kslim/policy/PolicyFuzzTestInputs/parse"), policySeeds());
  }

  /** A small module in the given layout: modinfo, two exports with CRCs, needed symbols, a version entry. */
  static byte[] module(ElfClass elfClass, ByteOrder order, int machine) {
    return new ElfBuilder(elfClass, order, machine)
        .modinfo("license=GPL", "alias=virtio:d00000002v*", "depends=virtio", "description")
        .export("fuzz_probe", 0xCAFEBABEL)
        .ksymtabString("FUZZ")
        .needs("register_virtio_driver", 0x0BADF00DL)
        .needsWeak("optional_hook")
        .version("module_layout", 0xFEEDFACEL)
        .build();
  }

  private static byte[] x86Module() {
    return module(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);
  }

  private static Map<String, byte[]> elfSeeds() {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    seeds.put("seed-elf64-le", x86Module());
    seeds.put("seed-elf64-be", module(ElfClass.ELF64, ByteOrder.BIG_ENDIAN, ElfHeader.EM_S390));
    seeds.put("seed-elf32-le", module(ElfClass.ELF32, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_386));
    seeds.put("seed-elf32-be", module(ElfClass.ELF32, ByteOrder.BIG_ENDIAN, ElfHeader.EM_PPC));
    return seeds;
  }

  private static Map<String, byte[]> compressedSeeds() throws IOException {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    for (Compression compression : List.of(Compression.XZ, Compression.ZSTD, Compression.GZIP)) {
      seeds.put("seed-ko" + compression.suffix().replace('.', '-'), CompressionTest.compress(compression, x86Module()));
    }
    return seeds;
  }

  private static Map<String, byte[]> debSeeds() throws IOException {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    for (Compression compression : List.of(Compression.NONE, Compression.GZIP, Compression.XZ, Compression.ZSTD,
        Compression.BZIP2, Compression.LZMA)) {
      seeds.put("seed-data-tar" + compression.suffix().replace('.', '-'), deb().dataCompression(compression)
          .controlCompression(compression == Compression.LZMA ? Compression.XZ : compression).build());
    }
    seeds.put("seed-data-tar-xz-blocks", deb().xzBlocks(1024).build());
    return seeds;
  }

  private static DebBuilder deb() {
    return new DebBuilder()
        .script("postinst", "#!/bin/sh\ndepmod -a 6.1.0-56-amd64\n")
        .directory("./boot/")
        .file("./boot/System.map-6.1.0-56-amd64", "ffffffff81000000 T _text\n")
        .directory(MODULES)
        .directory(MODULES + "kernel/")
        .file(MODULES + "kernel/fuzz.ko", x86Module())
        .symlink(MODULES + "build", "/usr/src/linux-headers-6.1.0-56-amd64")
        .hardlink(MODULES + "kernel/fuzz-link.ko", MODULES + "kernel/fuzz.ko");
  }

  private static Map<String, byte[]> rpmSeeds() throws IOException {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    for (Compression compression : List.of(Compression.ZSTD, Compression.XZ, Compression.GZIP, Compression.NONE)) {
      seeds.put("seed-cpio" + (compression.suffix().isEmpty() ? "" : compression.suffix().replace('.', '-')),
          rpm().compression(compression).build());
    }
    seeds.put("seed-cpio-crc", rpm().cpioFormat(CpioConstants.FORMAT_NEW_CRC).build());
    return seeds;
  }

  private static RpmBuilder rpm() {
    String modules = "./usr/lib/modules/6.12.0-1.x86_64/";
    return new RpmBuilder()
        .directory(modules)
        .directory(modules + "kernel")
        .file(modules + "kernel/fuzz.ko", x86Module(), "root")
        .symlink(modules + "build", "/usr/src/kernels/6.12.0-1.x86_64")
        .hardlinks(new byte[] {1, 2, 3}, modules + "a.bin", modules + "b.bin");
  }

  private static Map<String, byte[]> policySeeds() throws IOException {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    seeds.put("seed-cloud-yaml", Files.readAllBytes(Path.of("policies/cloud.yaml")));
    seeds.put("seed-fedora-yaml", FEDORA_POLICY.getBytes(StandardCharsets.UTF_8));
    return seeds;
  }

  private static void write(Path folder, Map<String, byte[]> seeds) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
      Files.write(folder.resolve(seed.getKey()), seed.getValue());
    }
  }
}

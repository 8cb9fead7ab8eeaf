package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;
import org.kslim.UsageException;
import org.kslim.source.Entry;
import org.kslim.source.HostXzDecoder;
import org.kslim.source.PackageReader;
import org.kslim.source.deb.DebBuilder;
import org.kslim.testing.ElfBuilder;
import org.kslim.testing.LimitProperties;

class ModuleSetReaderTest {
  private static final String V = "6.1.0-9-amd64";
  private static final String ROOT = "lib/modules/" + V + "/";

  private static byte[] module(String export, String needs) {
    return ElfBuilder.x86_64().modinfo("license=GPL", "alias=test:" + export).export(export, 7).needs(needs, 9).build();
  }

  static MemoryPackage cloudLike() throws IOException {
    return new MemoryPackage("linux-image.deb")
        .directory("boot")
        .file("boot/vmlinuz-" + V, "kernel image")
        .file("boot/config-" + V, "CONFIG_X=y\n")
        .directory(ROOT + "kernel")
        .file(ROOT + "kernel/fs/ext4/ext4.ko", module("ext4_helper", "jbd2_start"))
        .file(ROOT + "kernel/fs/jbd2/jbd2.ko.xz", ModuleParserTest.xz(module("jbd2_start", "printk")))
        .file(ROOT + "kernel/drivers/net/virtio-net.ko.zst", ModuleParserTest.zstd(module("virtnet_x", "printk")))
        .file(ROOT + "modules.order", "kernel/fs/jbd2/jbd2.ko\nkernel/fs/ext4/ext4.ko\n")
        .file(ROOT + "modules.builtin", "kernel/fs/nls/nls_base.ko\n")
        .file(ROOT + "modules.builtin.modinfo", "nls_base.license=GPL\0nls_base.alias=nls\0crc32c.file=crypto/crc32c\0")
        .symlink(ROOT + "build", "/usr/src/linux-headers-" + V)
        .file("usr/share/doc/linux-image/changelog.gz", "log");
  }

  @Test
  void readsModulesListsImageAndEveryOtherEntry() throws IOException {
    ModuleSet set = new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withThreads(2)).read(cloudLike());

    assertThat(set.kernelVersion()).isEqualTo(V);
    assertThat(set.modulesRoot()).isEqualTo("lib/modules/" + V);
    assertThat(set.modules()).extracting(Module::path).containsExactly(
        "kernel/drivers/net/virtio-net.ko.zst", "kernel/fs/ext4/ext4.ko", "kernel/fs/jbd2/jbd2.ko.xz");
    assertThat(set.modules()).extracting(Module::name).containsExactly("virtio_net", "ext4", "jbd2");
    assertThat(set.file("kernel/fs/jbd2/jbd2.ko.xz").orElseThrow().module().exports())
        .containsExactly(new ModuleSymbol("jbd2_start", 7, true, false));
    assertThat(set.modulesOrder()).containsExactly("kernel/fs/jbd2/jbd2.ko", "kernel/fs/ext4/ext4.ko");
    assertThat(set.modulesBuiltin()).containsExactly("kernel/fs/nls/nls_base.ko");
    assertThat(set.builtinModinfo()).containsOnlyKeys("nls_base", "crc32c");
    assertThat(set.builtinModinfo().get("nls_base").values("alias")).containsExactly("nls");
    assertThat(set.kernelImage()).map(Entry::path).contains("boot/vmlinuz-" + V);
    assertThat(set.bootFiles()).extracting(Entry::path).containsExactly("boot/vmlinuz-" + V, "boot/config-" + V);
    assertThat(set.otherEntries()).extracting(Entry::path).containsExactly("boot", "boot/vmlinuz-" + V, "boot/config-" + V,
        ROOT + "kernel", ROOT + "modules.order", ROOT + "modules.builtin", ROOT + "modules.builtin.modinfo", ROOT + "build",
        "usr/share/doc/linux-image/changelog.gz");
    assertThat(set.problems()).isEmpty();
  }

  @Test
  void parsesManyModulesInParallelIntoPathOrder() throws IOException {
    MemoryPackage pkg = new MemoryPackage("many.deb");
    for (int i = 299; i >= 0; i--) {
      pkg.file(ROOT + String.format("kernel/m%03d.ko", i), module("sym" + i, "printk"));
    }

    ModuleSet set = new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withThreads(3)).read(pkg);

    assertThat(set.modules()).hasSize(300);
    assertThat(set.modules().get(0).path()).isEqualTo("kernel/m000.ko");
    assertThat(set.modules().get(299).exports()).extracting(ModuleSymbol::name).containsExactly("sym299");
  }

  @Test
  void readsXzModulesTheSameWithTheHostsXzInBatchesAsInJava() throws IOException {
    assumeTrue(HostXzDecoder.find().isPresent(), "xz not installed");
    MemoryPackage pkg = new MemoryPackage("many-xz.rpm");
    for (int i = 0; i < 300; i++) { // three batches of at most 128 modules
      pkg.file(ROOT + String.format("kernel/m%03d.ko.xz", i), ModuleParserTest.xz(module("sym" + i, "printk")));
    }
    ModuleSetReader.Options options = ModuleSetReader.Options.DEFAULTS.withThreads(2);

    ModuleSet host = new ModuleSetReader(options).read(pkg);
    ModuleSet java = new ModuleSetReader(options.withHostXz(false)).read(pkg);

    assertThat(host.modules()).hasSize(300).isEqualTo(java.modules());
    assertThat(host.modules().get(299).exports()).extracting(ModuleSymbol::name).containsExactly("sym299");
  }

  @Test
  void readsXzModulesOfAFolderTheSameWithTheHostsXzReadingTheFiles(@TempDir Path dir) throws IOException {
    assumeTrue(HostXzDecoder.find().isPresent(), "xz not installed");
    for (int i = 0; i < 200; i++) {
      Path file = dir.resolve(ROOT + String.format("kernel/d%d/m%03d.ko.xz", i % 7, i));
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, ModuleParserTest.xz(module("sym" + i, "printk")));
    }
    ModuleSetReader.Options options = ModuleSetReader.Options.DEFAULTS.withThreads(2);

    ModuleSet host = new ModuleSetReader(options).read(PackageReader.open(dir));
    ModuleSet java = new ModuleSetReader(options.withHostXz(false)).read(PackageReader.open(dir));

    assertThat(host.modules()).hasSize(200).isEqualTo(java.modules());
  }

  @Test
  void aBatchTheHostsXzCannotDecodeIsDecodedModuleByModuleNamingTheBrokenOne() throws IOException {
    assumeTrue(HostXzDecoder.find().isPresent(), "xz not installed");
    byte[] broken = ModuleParserTest.xz(module("b", "printk"));
    broken[40] ^= 0x55; // inside the LZMA2 data: the index still adds up, the block does not decode
    MemoryPackage pkg = new MemoryPackage("bad-xz.rpm")
        .file(ROOT + "kernel/a.ko.xz", ModuleParserTest.xz(module("a", "printk")))
        .file(ROOT + "kernel/b.ko.xz", broken)
        .file(ROOT + "kernel/c.ko.xz", ModuleParserTest.xz(module("c", "printk")));

    ModuleSet set = new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withKeepGoing(true)).read(pkg);

    assertThat(set.modules()).extracting(Module::path).containsExactly("kernel/a.ko.xz", "kernel/c.ko.xz");
    assertThat(set.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEqualTo("kernel/b.ko.xz");
      assertThat(problem.reason()).startsWith("bad-xz.rpm!" + ROOT + "kernel/b.ko.xz: corrupt XZ data");
    });
  }

  @Test
  void takesTheImageFromTheModuleFolderUnderUsr() throws IOException {
    MemoryPackage pkg = new MemoryPackage("kernel-core.rpm")
        .file("usr/lib/modules/" + V + "/vmlinuz", "image")
        .file("usr/lib/modules/" + V + "/kernel/a.ko", module("a", "b"));

    ModuleSet set = new ModuleSetReader().read(pkg);

    assertThat(set.modulesRoot()).isEqualTo("usr/lib/modules/" + V);
    assertThat(set.kernelImage()).map(Entry::path).contains("usr/lib/modules/" + V + "/vmlinuz");
  }

  @Test
  void asksWhichKernelWhenThePackageHoldsSeveral() throws IOException {
    MemoryPackage pkg = cloudLike().file("lib/modules/6.1.0-8-amd64/kernel/old.ko", module("old", "printk"));

    assertThatThrownBy(() -> new ModuleSetReader().read(pkg))
        .isInstanceOf(UsageException.class)
        .hasMessage("linux-image.deb holds kernels 6.1.0-8-amd64, 6.1.0-9-amd64: pass --kver");
    ModuleSet old = new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withKernelVersion("6.1.0-8-amd64")).read(pkg);
    assertThat(old.modules()).extracting(Module::name).containsExactly("old");
    assertThatThrownBy(() -> new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withKernelVersion("5.10")).read(pkg))
        .isInstanceOf(UsageException.class)
        .hasMessage("linux-image.deb holds no kernel 5.10 (it holds 6.1.0-8-amd64, 6.1.0-9-amd64)");
  }

  @Test
  void rejectsAPackageWithoutModules() {
    MemoryPackage pkg = new MemoryPackage("empty.deb").file("usr/share/doc/x", "x");

    assertThatThrownBy(() -> new ModuleSetReader().read(pkg))
        .isInstanceOf(BadInputException.class)
        .hasMessage("empty.deb: holds no lib/modules/VERSION folder");
  }

  @Test
  void failsOnTheFirstBrokenModuleLocatedInThePackage() throws IOException {
    byte[] broken = Arrays.copyOf(module("x", "y"), 80);
    MemoryPackage pkg = cloudLike().file(ROOT + "kernel/bad.ko", broken);

    assertThatThrownBy(() -> new ModuleSetReader().read(pkg))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("linux-image.deb!" + ROOT + "kernel/bad.ko: malformed ELF at offset ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void locatesABrokenModuleOfADebInThePackage(@TempDir Path dir) throws IOException {
    Path deb = new DebBuilder()
        .file("./" + ROOT + "kernel/fs/ext4/ext4.ko", module("ext4_helper", "jbd2_start"))
        .file("./" + ROOT + "kernel/bad.ko.xz", ModuleParserTest.xz(Arrays.copyOf(module("x", "y"), 80)))
        .write(dir.resolve("linux-image.deb"));

    assertThatThrownBy(() -> new ModuleSetReader().read(PackageReader.open(deb)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith(deb + "!" + ROOT + "kernel/bad.ko.xz: malformed ELF at offset ");
    ModuleSet set = new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withKeepGoing(true)).read(PackageReader.open(deb));
    assertThat(set.modules()).extracting(Module::name).containsExactly("ext4");
    assertThat(set.problems()).extracting(ModuleProblem::path).containsExactly("kernel/bad.ko.xz");
  }

  @Test
  void reportsBrokenModulesAndReadsTheRestWhenKeepingGoing() throws IOException {
    MemoryPackage pkg = cloudLike()
        .file(ROOT + "kernel/bad.ko", Arrays.copyOf(module("x", "y"), 80))
        .file(ROOT + "kernel/bomb.ko.xz", ModuleParserTest.xz(new byte[4096]));

    ModuleSet set = new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withKeepGoing(true).withMaxModuleSize(2048)).read(pkg);

    assertThat(set.modules()).hasSize(3);
    assertThat(set.problems()).extracting(ModuleProblem::path).containsExactly("kernel/bad.ko", "kernel/bomb.ko.xz");
    assertThat(set.problems().get(0).reason()).startsWith("linux-image.deb!" + ROOT + "kernel/bad.ko: malformed ELF at offset ");
    assertThat(set.problems().get(1).reason()).startsWith("linux-image.deb!" + ROOT + "kernel/bomb.ko.xz: XZ data decompresses to more than 2048 bytes");
  }

  @Test
  void rejectsAModuleNameWithoutModuleInBuiltinModinfo() throws IOException {
    MemoryPackage pkg = cloudLike().file(ROOT + "modules.builtin.modinfo", "license=GPL\0");

    assertThatThrownBy(() -> new ModuleSetReader().read(pkg))
        .isInstanceOf(BadInputException.class)
        .hasMessage("linux-image.deb!" + ROOT + "modules.builtin.modinfo: string without a module name: license=GPL");
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> ModuleSetReader.Options.DEFAULTS.withThreads(0)).hasMessage("threads must be 1..256: 0");
  }

  @Test
  void configuredOptionsTakeTheModuleSizeProperty() throws Exception {
    assertThat(ModuleSetReader.Options.configured()).isEqualTo(ModuleSetReader.Options.DEFAULTS);
    LimitProperties.with(ModuleParser.MODULE_SIZE, "512M", () ->
        assertThat(ModuleSetReader.Options.configured().maxModuleSize()).isEqualTo(512L << 20));
    LimitProperties.with(ModuleParser.MODULE_SIZE, "4G", () -> assertThatThrownBy(ModuleSetReader.Options::configured)
        .isInstanceOf(UsageException.class)
        .hasMessage("kslim.limit.module-size must be at most 2147483639: 4294967296"));
  }
}

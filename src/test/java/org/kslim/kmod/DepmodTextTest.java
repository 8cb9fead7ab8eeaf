package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kslim.kmod.Modules.module;
import static org.kslim.kmod.Modules.withModinfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepmodTextTest {
  private static DepmodResult resolve(Module... modules) {
    return DependencyResolver.resolve(List.of(modules), List.of(modules).stream().map(Module::path).toList());
  }

  @Test
  void aliasesInModinfoOrderModuleByModule() {
    DepmodResult result = resolve(
        withModinfo("kernel/virtio_blk.ko", "alias", "virtio:d00000002v*", "license", "GPL", "alias", "devname:vda"),
        withModinfo("kernel/fuse.ko", "alias", "fs-fuse"));

    assertThat(DepmodText.modulesAlias(result.modules())).isEqualTo("# Aliases extracted from modules themselves.\n"
        + "alias virtio:d00000002v* virtio_blk\nalias devname:vda virtio_blk\nalias fs-fuse fuse\n");
  }

  @Test
  void softdepsKeepTheirValueAsWritten() {
    DepmodResult result = resolve(withModinfo("kernel/cifs.ko", "softdep", "gcm", "softdep", "pre: ccm"));

    assertThat(DepmodText.modulesSoftdep(result.modules())).isEqualTo("# Soft dependencies extracted from modules themselves.\n"
        + "softdep cifs gcm\nsoftdep cifs pre: ccm\n");
  }

  @Test
  void symbolsInDepmodsHashOrderSkippingKernelSymbols() {
    DepmodResult result = resolve(
        module("kernel/nf_reject_ipv4.ko", List.of("nf_send_unreach"), List.of()),
        module("kernel/twofish_common.ko", List.of("__twofish_setkey"), List.of()));

    assertThat(DepmodText.modulesSymbols(result)).isEqualTo("# Aliases for symbols, used by symbol_request().\n"
        + "alias symbol:__twofish_setkey twofish_common\nalias symbol:nf_send_unreach nf_reject_ipv4\n");
  }

  @Test
  void devnameNeedsBothANameAndADeviceNumber() {
    DepmodResult result = resolve(
        withModinfo("kernel/fuse.ko", "alias", "char-major-10-229", "alias", "devname:fuse", "alias", "devname:later"),
        withModinfo("kernel/loop.ko", "alias", "devname:loop-control", "alias", "block-major-7-*",
            "alias", "block-major-7- 12xyz"),
        withModinfo("kernel/nameless.ko", "alias", "char-major-1-2"),
        withModinfo("kernel/odd.ko", "alias", "devname:odd", "alias", "char-major--1-+3"));

    assertThat(DepmodText.modulesDevname(result.modules())).isEqualTo("# Device nodes to trigger on-demand module loading.\n"
        + "fuse fuse c10:229\nloop loop-control b7:12\nodd odd c4294967295:3\n");
  }

  @Test
  void deviceNumbersParseLikeScanf() {
    assertThat(DeviceNumber.parse("char-major-10-229")).contains(new DeviceNumber('c', 10, 229));
    assertThat(DeviceNumber.parse("block-major-8-*")).isEmpty();
    assertThat(DeviceNumber.parse("char-major-99999999999999999999999-0")).contains(new DeviceNumber('c', 0xffffffffL, 0));
    assertThat(DeviceNumber.parse("char-major-4294967296-1")).contains(new DeviceNumber('c', 0, 1));
    assertThat(DeviceNumber.parse("pci:v*")).isEmpty();
  }

  @Test
  void writerPutsEveryFileInPlaceWithoutLeavingTemporaries(@TempDir Path out) throws IOException {
    DepmodResult result = resolve(withModinfo("kernel/fuse.ko", "alias", "fs-fuse"));
    Path folder = out.resolve("6.1.0-test");

    List<Path> written = DepmodIndexWriter.write(result, folder);

    assertThat(written).extracting(path -> path.getFileName().toString()).containsExactly(
        "modules.dep", "modules.alias", "modules.softdep", "modules.symbols", "modules.devname");
    try (var listing = Files.list(folder)) {
      assertThat(listing.count()).isEqualTo(5);
    }
    assertThat(Files.readString(folder.resolve("modules.dep"), StandardCharsets.UTF_8)).isEqualTo("kernel/fuse.ko:\n");
    assertThat(Files.readString(folder.resolve("modules.alias"))).endsWith("alias fs-fuse fuse\n");
  }
}

package org.kslim.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatcherTest {
  private static ModuleRef module(String path, String name, String... aliases) {
    return new ModuleRef(path, name, List.of(aliases));
  }

  @Test
  void pathRegexHasFedoraSemantics() {
    Matcher amt = Matcher.pathRegex("drivers/net/amt.ko");
    assertThat(amt.matches(module("kernel/drivers/net/amt.ko.xz", "amt"))).as("no end anchor, suffix kept").isTrue();
    assertThat(amt.matches(module("extra/drivers/net/amt.ko", "amt"))).as("any first segment").isTrue();
    assertThat(amt.matches(module("drivers/net/amt.ko", "amt"))).as("first segment required").isFalse();
    assertThat(amt.matches(module("kernel/x/drivers/net/amt.ko", "amt"))).as("anchored at start").isFalse();
    assertThat(Matcher.pathRegex("fs/nfs.*").matches(module("kernel/fs/nfsd/nfsd.ko", "nfsd"))).isTrue();
    assertThat(Matcher.pathRegex("drivers/net/amt.ko").matches(module("kernel/drivers/net/amtXko", "amtXko")))
        .as("a dot is a regex dot").isTrue();
  }

  @Test
  void literalPrefixIsThePlainStartOfARegex() {
    assertThat(Matcher.pathRegex("drivers/net/.*").literalPrefix()).isEqualTo("drivers/net/");
    assertThat(Matcher.pathRegex("drivers/net/amt.ko").literalPrefix()).isEqualTo("drivers/net/amt");
    assertThat(Matcher.pathRegex("mm/kasan/kasan_test").literalPrefix()).isEqualTo("mm/kasan/kasan_test");
    assertThat(Matcher.pathRegex("drivers/scsi/3w.*").literalPrefix()).isEqualTo("drivers/scsi/3w");
    assertThat(Matcher.pathRegex("drivers/?x").literalPrefix()).isEqualTo("drivers");
    assertThat(Matcher.pathRegex("fsx*").literalPrefix()).isEqualTo("fs");
    assertThat(Matcher.pathRegex(".*/test.*").literalPrefix()).isEmpty();
    assertThat(Matcher.pathRegex("fs/a|net/b").literalPrefix()).isEmpty();
    assertThat(Matcher.pathRegex("drivers/(a|b)|x").literalPrefix()).isEmpty();
    assertThat(Matcher.pathRegex("drivers/base/.*(kunit|test).*").literalPrefix()).isEqualTo("drivers/base/");
    assertThat(Matcher.pathRegex("kvm/kvm(-amd|-intel|\\.).*").literalPrefix()).isEqualTo("kvm/kvm");
    assertThat(Matcher.pathRegex("net/[|]x").literalPrefix()).isEqualTo("net/");
    assertThat(Matcher.pathRegex("net/\\|x").literalPrefix()).isEqualTo("net/");
    assertThat(Matcher.moduleGlob("virtio*").literalPrefix()).isEmpty();
  }

  @Test
  void moduleGlobTreatsDashAndUnderscoreAlike() {
    assertThat(Matcher.moduleGlob("xen-blk*").matches(module("kernel/drivers/block/xen-blkfront.ko", "xen_blkfront"))).isTrue();
    assertThat(Matcher.moduleGlob("virtio_blk").matches(module("kernel/drivers/block/virtio_blk.ko", "virtio_blk"))).isTrue();
    assertThat(Matcher.moduleGlob("virtio_blk").matches(module("kernel/drivers/block/virtio_blkx.ko", "virtio_blkx"))).isFalse();
    assertThat(Matcher.moduleGlob("mlx[45]_core").matches(module("k/mlx5_core.ko", "mlx5_core"))).isTrue();
    assertThat(Matcher.moduleGlob("mlx[!4]_core").matches(module("k/mlx4_core.ko", "mlx4_core"))).isFalse();
    assertThat(Matcher.moduleGlob("a?c.d").matches(module("k/abcxd.ko", "abcxd"))).as("dot is literal").isFalse();
  }

  @Test
  void modaliasGlobMatchesAnyAliasField() {
    ModuleRef virtioNet = module("kernel/drivers/net/virtio_net.ko", "virtio_net",
        "virtio:d00000001v*", "pci:v00001AF4d00001000sv*sd*bc*sc*i*");
    assertThat(Matcher.modaliasGlob("pci:v00001AF4d*").matches(virtioNet)).isTrue();
    assertThat(Matcher.modaliasGlob("pci:v00001D0Fd*").matches(virtioNet)).isFalse();
    assertThat(Matcher.DEFAULT.matches(virtioNet)).isTrue();
  }

  @Test
  void equalityIsByKindAndPattern() {
    assertThat(Matcher.pathRegex("fs/.*")).isEqualTo(Matcher.pathRegex("fs/.*")).hasSameHashCodeAs(Matcher.pathRegex("fs/.*"));
    assertThat(Matcher.pathRegex("fs/.*")).isNotEqualTo(Matcher.moduleGlob("fs/.*"));
    assertThat(Matcher.moduleGlob("virtio_*")).hasToString("module virtio_*");
  }
}

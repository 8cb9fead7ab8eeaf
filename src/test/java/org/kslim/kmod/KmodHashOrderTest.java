package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KmodHashOrderTest {
  @Test
  void hashMatchesLibkmodForEveryTailLength() {
    assertThat(Integer.toUnsignedLong(KmodHashOrder.hash(ascii("a")))).isEqualTo(291415938L);
    assertThat(Integer.toUnsignedLong(KmodHashOrder.hash(ascii("ab")))).isEqualTo(1366002500L);
    assertThat(Integer.toUnsignedLong(KmodHashOrder.hash(ascii("abc")))).isEqualTo(3535673738L);
    assertThat(Integer.toUnsignedLong(KmodHashOrder.hash(ascii("abcd")))).isEqualTo(3671636187L);
    assertThat(Integer.toUnsignedLong(KmodHashOrder.hash(ascii("abcde")))).isEqualTo(1374488366L);
    assertThat(Integer.toUnsignedLong(KmodHashOrder.hash(ascii("printk")))).isEqualTo(1778934737L);
    assertThat(KmodHashOrder.hash(new byte[0])).isZero();
  }

  @Test
  void trailingBytesAboveAsciiAreSignedAsCharIsOnX86() {
    assertThat(Integer.toUnsignedLong(KmodHashOrder.hash(new byte[] {'x', (byte) 0xe9}))).isEqualTo(3975366358L);
    assertThat(Integer.toUnsignedLong(KmodHashOrder.hash(new byte[] {'a', 'b', (byte) 0xe9}))).isEqualTo(3034567861L);
    assertThat(KmodHashOrder.hash(new byte[] {(byte) 0xff})).isZero();
  }

  @Test
  void bucketIsTheHashModuloTheBucketCount() {
    assertThat(new KmodHashOrder(KmodHashOrder.SYMBOL_BUCKETS).bucket("nf_send_unreach")).isEqualTo(1);
    assertThat(new KmodHashOrder(KmodHashOrder.SYMBOL_BUCKETS).bucket("printk")).isEqualTo(977);
    assertThat(new KmodHashOrder(KmodHashOrder.MODULE_BUCKETS).bucket("printk")).isEqualTo(465);
    assertThat(new KmodHashOrder(KmodHashOrder.MODULE_BUCKETS).bucket("abcde")).isEqualTo(302);
  }

  @Test
  void symbolOrderIsTheOrderOfDepmodsModulesSymbols() {
    // the first lines of modules.symbols that depmod 30 wrote for Debian's 6.1.0-56-cloud-amd64
    List<String> depmodOrder = List.of("__twofish_setkey", "mlx4_db_free", "nf_send_unreach", "nvmf_register_transport");
    assertThat(new KmodHashOrder(KmodHashOrder.SYMBOL_BUCKETS).sort(shuffled(depmodOrder))).isEqualTo(depmodOrder);
  }

  @Test
  void moduleOrderIsTheOrderDepmodListsModulesMissingFromModulesOrder() {
    // what depmod 30 wrote at the end of modules.dep for modules added outside modules.order
    List<String> depmodOrder = List.of("gamma", "zeta", "theta", "iota", "mu", "delta_y", "beta_x", "alpha",
        "aaa_dup", "irqbypass", "lam", "eps", "zzz_dup", "kappa", "eta");
    assertThat(new KmodHashOrder(KmodHashOrder.MODULE_BUCKETS).sort(shuffled(depmodOrder))).isEqualTo(depmodOrder);
  }

  @Test
  void keysSharingABucketFollowStrcmpOrder() {
    KmodHashOrder one = new KmodHashOrder(1);
    assertThat(one.sort(List.of("b", "a\u00e9", "ab", "a", "B"))).containsExactly("B", "a", "ab", "a\u00e9", "b");
  }

  /** Bucket by bucket, then by strcmp: the order a plain sort on both keys gives, in sparse and crowded tables. */
  @Test
  void sortsAsAComparisonOfBucketThenBytes() {
    java.util.Random random = new java.util.Random(20261127);
    for (int buckets : new int[] {1, 7, KmodHashOrder.MODULE_BUCKETS, KmodHashOrder.SYMBOL_BUCKETS}) {
      KmodHashOrder order = new KmodHashOrder(buckets);
      List<String> keys = new java.util.ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        keys.add(Integer.toString(random.nextInt(5000), 36) + (random.nextInt(7) == 0 ? "\u00e9" : ""));
      }
      List<String> expected = new java.util.ArrayList<>(keys);
      expected.sort(java.util.Comparator.comparingInt(order::bucket).thenComparing(
          key -> key.getBytes(java.nio.charset.StandardCharsets.UTF_8), KmodHashOrder::strcmp));

      assertThat(order.sort(keys)).as("%d buckets", buckets).isEqualTo(expected);
    }
  }

  @Test
  void rejectsAnEmptyTable() {
    assertThatThrownBy(() -> new KmodHashOrder(0)).hasMessage("buckets must be at least 1: 0");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static List<String> shuffled(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.shuffle(copy, new Random(42));
    return copy;
  }
}

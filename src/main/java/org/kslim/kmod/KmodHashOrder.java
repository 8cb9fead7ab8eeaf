package org.kslim.kmod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The order in which kmod's string hash table ({@code libkmod-hash.c}) hands back its keys: bucket
 * by bucket, where a key's bucket is Paul Hsieh's SuperFastHash of its bytes modulo the bucket
 * count, and within a bucket by {@code strcmp}. depmod writes {@code modules.symbols} in this order
 * from a table of 2048 buckets, and lists modules missing from {@code modules.order} in this order
 * from a table of 512 buckets.
 *
 * <pre>{@code
 * KmodHashOrder symbols = new KmodHashOrder(KmodHashOrder.SYMBOL_BUCKETS);
 * List<String> order = symbols.sort(List.of("nf_send_unreach", "mlx4_db_free"));
 * int bucket = symbols.bucket("nf_send_unreach");
 * }</pre>
 */
public final class KmodHashOrder {
  /** Buckets of depmod's symbol table. */
  public static final int SYMBOL_BUCKETS = 2048;
  /** Buckets of depmod's table of modules by name. */
  public static final int MODULE_BUCKETS = 512;

  private static final int INSERTION_SORT_MAX = 32;

  private final int buckets;

  public KmodHashOrder(int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1: " + buckets);
    }
    this.buckets = buckets;
  }

  /** The bucket kmod puts {@code key} in. */
  public int bucket(String key) {
    return bucketOf(key.getBytes(StandardCharsets.UTF_8));
  }

  private int bucketOf(byte[] key) {
    return Integer.remainderUnsigned(hash(key), buckets);
  }

  /**
   * The keys in the order kmod's hash iteration visits them (duplicates kept side by side):
   * grouped by bucket in one counting pass, then each bucket's few keys sorted by {@code strcmp}.
   */
  public List<String> sort(Collection<String> keys) {
    int count = keys.size();
    byte[][] bytes = new byte[count][];
    String[] strings = new String[count];
    int[] bucketOf = new int[count];
    int[] starts = new int[buckets + 1];
    int i = 0;
    for (String key : keys) {
      strings[i] = key;
      bytes[i] = key.getBytes(StandardCharsets.UTF_8);
      bucketOf[i] = bucketOf(bytes[i]);
      starts[bucketOf[i] + 1]++;
      i++;
    }
    for (int bucket = 0; bucket < buckets; bucket++) {
      starts[bucket + 1] += starts[bucket];
    }
    int[] placed = new int[count];
    int[] next = Arrays.copyOf(starts, buckets);
    for (int key = 0; key < count; key++) {
      placed[next[bucketOf[key]]++] = key;
    }
    List<String> sorted = new ArrayList<>(count);
    for (int bucket = 0; bucket < buckets; bucket++) {
      sortByBytes(placed, starts[bucket], starts[bucket + 1], bytes);
      for (int at = starts[bucket]; at < starts[bucket + 1]; at++) {
        sorted.add(strings[placed[at]]);
      }
    }
    return sorted;
  }

  /**
   * Sorts {@code keys[from..to)} by their bytes: a bucket usually holds a handful of keys, sorted
   * in place; a crowded one (as crafted names could make it) by merge sort.
   */
  private static void sortByBytes(int[] keys, int from, int to, byte[][] bytes) {
    if (to - from > INSERTION_SORT_MAX) {
      Integer[] crowded = new Integer[to - from];
      for (int at = from; at < to; at++) {
        crowded[at - from] = keys[at];
      }
      Arrays.sort(crowded, (a, b) -> strcmp(bytes[a], bytes[b]));
      for (int at = from; at < to; at++) {
        keys[at] = crowded[at - from];
      }
      return;
    }
    for (int at = from + 1; at < to; at++) {
      int key = keys[at];
      int hole = at;
      while (hole > from && strcmp(bytes[keys[hole - 1]], bytes[key]) > 0) {
        keys[hole] = keys[hole - 1];
        hole--;
      }
      keys[hole] = key;
    }
  }

  /**
   * SuperFastHash as libkmod computes it on a little-endian machine: 16-bit words read little
   * endian, the odd trailing bytes read as C's signed {@code char}.
   */
  static int hash(byte[] key) {
    int len = key.length;
    int hash = len;
    int at = 0;
    for (int words = len / 4; words > 0; words--) {
      hash += word(key, at);
      int tmp = (word(key, at + 2) << 11) ^ hash;
      hash = (hash << 16) ^ tmp;
      at += 4;
      hash += hash >>> 11;
    }
    switch (len & 3) {
      case 3 -> {
        hash += word(key, at);
        hash ^= hash << 16;
        hash ^= key[at + 2] << 18;
        hash += hash >>> 11;
      }
      case 2 -> {
        hash += word(key, at);
        hash ^= hash << 11;
        hash += hash >>> 17;
      }
      case 1 -> {
        hash += key[at];
        hash ^= hash << 10;
        hash += hash >>> 1;
      }
      default -> { }
    }
    hash ^= hash << 3;
    hash += hash >>> 5;
    hash ^= hash << 4;
    hash += hash >>> 17;
    hash ^= hash << 25;
    hash += hash >>> 6;
    return hash;
  }

  private static int word(byte[] key, int at) {
    return (key[at] & 0xff) | (key[at + 1] & 0xff) << 8;
  }

  /** C's {@code strcmp}: bytes compared as unsigned. */
  static int strcmp(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}

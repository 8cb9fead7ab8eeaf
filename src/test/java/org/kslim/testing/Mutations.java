package org.kslim.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.kslim.KslimException;

/**
 * Feeds randomly damaged copies of valid inputs to a reader, with a fixed seed, and counts how
 * each ended: read, or failed with a {@link KslimException}. Any other exception escapes and so
 * fails the test.
 *
 * <pre>{@code
 * Mutations.Outcome outcome = Mutations.run(List.of(ko), 3000, 42L, bytes -> parser.parse("m.ko", bytes));
 * assertThat(outcome.read()).isPositive();
 * }</pre>
 */
public final class Mutations {
  /** How the rounds ended. */
  public record Outcome(int read, int failed) {}

  private Mutations() {}

  /** Runs {@code rounds} mutated copies of the originals (taken in turn) through {@code reader}. */
  public static Outcome run(List<byte[]> originals, int rounds, long seed, Consumer<byte[]> reader) {
    Random random = new Random(seed);
    int read = 0;
    int failed = 0;
    for (int round = 0; round < rounds; round++) {
      byte[] mutated = mutate(originals.get(round % originals.size()), random);
      try {
        reader.accept(mutated);
        read++;
      } catch (KslimException expected) {
        failed++;
      }
    }
    return new Outcome(read, failed);
  }

  /** A copy of {@code original}, one time in ten truncated, with 1 to 8 bytes overwritten. */
  public static byte[] mutate(byte[] original, Random random) {
    byte[] copy = random.nextInt(10) == 0 ? Arrays.copyOf(original, random.nextInt(original.length)) : original.clone();
    int changes = 1 + random.nextInt(8);
    for (int i = 0; i < changes && copy.length > 0; i++) {
      int at = random.nextInt(copy.length);
      copy[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (random.nextBoolean() ? 0xFF : 0);
    }
    return copy;
  }
}

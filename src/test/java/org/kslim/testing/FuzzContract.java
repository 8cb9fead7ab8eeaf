package org.kslim.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.kslim.KslimException;

/**
 * The contract every fuzz target holds a reader to: on any input it returns, or fails with a
 * {@link KslimException} (kslim's typed refusal of bad input). Any other exception or error (an
 * untyped {@code IOException}, a {@code RuntimeException}, an {@code OutOfMemoryError} from an
 * allocation past the limits) escapes and is a finding.
 *
 * <pre>{@code
 * @FuzzTest
 * void parse(byte[] input) {
 *   FuzzContract.parsesOrRefuses(() -> ElfFile.parse("fuzz.ko", input).symbols());
 * }
 * }</pre>
 */
public final class FuzzContract {
  /** A reader run on one input. */
  @FunctionalInterface
  public interface Reading {
    void run() throws IOException;
  }

  /** Seconds one input may take, in regression and in fuzzing mode (libFuzzer's {@code -timeout}). */
  public static final int SECONDS_PER_INPUT = 10;

  private FuzzContract() {}

  /**
   * Runs {@code reading}; returns whether it parsed (true) or refused the input with a
   * {@link KslimException} (false).
   *
   * @throws UncheckedIOException when the reader let an {@code IOException} through untyped
   */
  public static boolean parsesOrRefuses(Reading reading) {
    try {
      reading.run();
      return true;
    } catch (KslimException refused) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("untyped IOException, not a KslimException: " + e.getMessage(), e);
    }
  }
}

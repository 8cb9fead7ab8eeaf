package org.kslim.history;

/**
 * The outcome of recording a build.
 *
 * <pre>{@code
 * Recorded r = store.record(build);
 * System.out.println((r.added() ? "recorded " : "already recorded as ") + "build:" + r.id());
 * }</pre>
 *
 * @param id the build's number in the store
 * @param added false when the same input and policy had been recorded before (as {@code id})
 */
public record Recorded(long id, boolean added) {
  public Recorded {
    if (id < 1) {
      throw new IllegalArgumentException("id must be >= 1: " + id);
    }
  }
}

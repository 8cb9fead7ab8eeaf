package org.kslim.history;

/**
 * One size before and after.
 *
 * <pre>{@code
 * new SizeChange(1000, 1100).delta();     // 100
 * new SizeChange(1000, 1100).percent();   // 10.0
 * }</pre>
 */
public record SizeChange(long before, long after) {
  public long delta() {
    return after - before;
  }

  /** The change in percent of {@code before}; NaN when {@code before} is 0. */
  public double percent() {
    return before == 0 ? Double.NaN : 100.0 * delta() / before;
  }
}

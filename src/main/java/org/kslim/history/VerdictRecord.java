package org.kslim.history;

import java.util.Objects;
import org.kslim.size.Measure;

/**
 * One budget's outcome in a recorded build.
 *
 * <pre>{@code
 * new VerdictRecord("modules-core", Measure.INSTALLED, 62914560L, 65011712L, 58000000L, true);
 * }</pre>
 *
 * @param budget the policy's limit
 * @param limit the limit in force, raised by a waiver
 */
public record VerdictRecord(String pkg, Measure measure, long budget, long limit, long actual, boolean passed) {
  public VerdictRecord {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(measure, "measure");
  }
}

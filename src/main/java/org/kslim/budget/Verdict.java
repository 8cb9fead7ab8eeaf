package org.kslim.budget;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kslim.size.Measure;
import org.kslim.policy.Waiver;

/**
 * The outcome of one budget: what was allowed, what was measured, how much room is left, which
 * waiver raised the limit, and which waivers for it have expired.
 *
 * <pre>{@code
 * Verdict v = check.verdicts().get(0);
 * if (!v.pass()) System.out.println(v.pkg() + " " + v.measure().key() + " over by " + -v.headroom());
 * }</pre>
 *
 * @param pkg package name
 * @param measure the budgeted measure
 * @param budget the budget's limit
 * @param actual the measured value
 * @param waiver the active waiver that raised the limit, if any (the most generous one)
 * @param expired waivers for this budget that no longer apply
 */
public record Verdict(String pkg, Measure measure, long budget, long actual, Optional<Waiver> waiver,
    List<Waiver> expired) {
  public Verdict {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(waiver, "waiver");
    expired = List.copyOf(expired);
  }

  /** The limit in force: the budget plus the active waiver's allowance. */
  public long limit() {
    return budget + waiver.map(Waiver::allow).orElse(0L);
  }

  /** Whether {@code actual} is within the limit in force. */
  public boolean pass() {
    return actual <= limit();
  }

  /** Room left under the limit in force; negative when over. */
  public long headroom() {
    return limit() - actual;
  }

  /** {@link #headroom()} as a percentage of the limit in force (-100 per limit's worth over). */
  public double headroomPercent() {
    long limit = limit();
    if (limit == 0) {
      return actual == 0 ? 0 : -100;
    }
    return 100.0 * headroom() / limit;
  }
}

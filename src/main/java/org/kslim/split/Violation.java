package org.kslim.split;

import java.util.Objects;
import java.util.Optional;
import org.kslim.policy.Location;

/**
 * A way a split breaks its policy; CI fails on any.
 *
 * <pre>{@code
 * for (Violation v : split.violations()) {
 *   System.out.println(v.kind() + ": " + v.message());
 * }
 * }</pre>
 *
 * @param subject the module path or requirement the violation is about
 * @param where the policy line involved, when there is one
 */
public record Violation(Kind kind, String subject, String message, Optional<Location> where) {
  /** The kinds of violation. */
  public enum Kind {
    /** A required module sits in a package that does not provide the required one. */
    UNMET_REQUIREMENT,
    /** A requirement that is not optional selects no module at all. */
    LIST_ROT,
    /** Dependencies pulled a module into core and no {@code approve-moves} entry accepts it. */
    UNAPPROVED_MOVE_INTO_CORE
  }

  public Violation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(where, "where");
  }
}

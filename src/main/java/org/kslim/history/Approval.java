package org.kslim.history;

import java.util.Objects;

/**
 * A waiver or an approved move of a recorded policy, with who approved it.
 *
 * <pre>{@code
 * new Approval(Approval.WAIVER, "modules-core", "installed +3145728 until 2027-06-30", "NFS client", "cloud-team");
 * }</pre>
 *
 * @param kind {@link #WAIVER} or {@link #MOVE}
 * @param subject what is allowed: the measure, amount and expiry of a waiver; the module of a move
 */
public record Approval(String kind, String pkg, String subject, String reason, String approvedBy) {
  public static final String WAIVER = "waiver";
  public static final String MOVE = "move";

  public Approval {
    if (!WAIVER.equals(kind) && !MOVE.equals(kind)) {
      throw new IllegalArgumentException("kind must be waiver or move: " + kind);
    }
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(approvedBy, "approvedBy");
  }
}

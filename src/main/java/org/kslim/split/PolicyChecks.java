package org.kslim.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kslim.policy.ApprovedMove;
import org.kslim.policy.ModuleRef;
import org.kslim.policy.Policy;
import org.kslim.policy.Requirement;

/**
 * Checks a placement against the policy: requirements (met when the module sits in the required
 * package or one it depends on, or is built into the kernel image; a requirement that selects
 * nothing is list rot unless optional), moves into core against {@code approve-moves}.
 */
final class PolicyChecks {
  private final Policy policy;
  private final ModuleIndex modules;
  private final PackageLattice lattice;
  private final int[] placed;
  private final String core;
  private final List<ModuleRef> builtin;

  PolicyChecks(Policy policy, ModuleIndex modules, PackageLattice lattice, int[] placed, String core,
      List<ModuleRef> builtin) {
    this.policy = policy;
    this.modules = modules;
    this.lattice = lattice;
    this.placed = placed;
    this.core = core;
    this.builtin = List.copyOf(builtin);
  }

  List<Violation> violations(List<Move> moves) {
    List<Violation> violations = new ArrayList<>();
    for (Requirement requirement : policy.requirements()) {
      check(requirement, violations);
    }
    for (Move move : moves) {
      if (move.actual().equals(core) && approval(move).isEmpty()) {
        violations.add(new Violation(Violation.Kind.UNAPPROVED_MOVE_INTO_CORE, move.module(),
            move + " (no approve-moves entry accepts it)", Optional.of(move.rule().where())));
      }
    }
    return violations;
  }

  List<String> warnings(List<Move> moves) {
    List<String> warnings = new ArrayList<>();
    for (Requirement requirement : policy.requirements()) {
      if (lattice.indexOf(requirement.pkg()) < 0) {
        warnings.add(requirement.where() + ": requirement skipped: package " + requirement.pkg()
            + " is not active for the selected variants");
      }
    }
    for (Move move : moves) {
      if (!move.actual().equals(core)) {
        warnings.add(move.toString());
      }
    }
    for (ApprovedMove approval : policy.approvedMoves()) {
      if (moves.stream().noneMatch(m -> approval.covers(m.module(), m.name(), m.actual()))) {
        warnings.add(approval.where() + ": approved move of " + approval.module() + " into " + approval.pkg()
            + " no longer happens; the approval can go");
      }
    }
    return warnings;
  }

  private Optional<ApprovedMove> approval(Move move) {
    return policy.approvedMoves().stream().filter(a -> a.covers(move.module(), move.name(), move.actual())).findFirst();
  }

  private void check(Requirement requirement, List<Violation> violations) {
    int required = lattice.indexOf(requirement.pkg());
    if (required < 0) {
      return;
    }
    String subject = requirement.matcher() + " -> " + requirement.pkg();
    boolean any = builtin.stream().anyMatch(requirement.matcher()::matches);
    for (int module = 0; module < modules.size(); module++) {
      ModuleRef ref = modules.refs.get(module);
      if (!requirement.matcher().matches(ref)) {
        continue;
      }
      any = true;
      if ((lattice.below(required) & 1 << placed[module]) == 0) {
        violations.add(new Violation(Violation.Kind.UNMET_REQUIREMENT, ref.path(), ref.path() + " sits in "
            + lattice.name(placed[module]) + ", but " + requirement.where() + " requires it in " + requirement.pkg()
            + " (" + requirement.reason() + ")", Optional.of(requirement.where())));
      }
    }
    if (!any && !requirement.optional()) {
      violations.add(new Violation(Violation.Kind.LIST_ROT, subject, "requirement " + subject + " at "
          + requirement.where() + " selects no module: list rot (remove it or mark it optional)",
          Optional.of(requirement.where())));
    }
  }
}

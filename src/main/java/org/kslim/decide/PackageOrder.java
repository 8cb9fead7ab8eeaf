package org.kslim.decide;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kslim.UsageException;
import org.kslim.policy.PackageDecl;
import org.kslim.policy.Policy;

/** Which active package depends on which, transitively, as the policy declares them. */
final class PackageOrder {
  private final List<String> active;
  private final Policy policy;

  PackageOrder(List<String> active, Policy policy) {
    this.active = List.copyOf(active);
    this.policy = policy;
  }

  /** Fails naming the active packages when {@code pkg} is not one. */
  String require(String pkg, String option) {
    if (!active.contains(pkg)) {
      throw new UsageException(option + " must name an active package of the policy: " + pkg + " (active: " + active + ")");
    }
    return pkg;
  }

  /** Whether a module in {@code user} may need one in {@code provider}: the same package or one it depends on. */
  boolean sees(String user, String provider) {
    return user.equals(provider) || dependencies(user).contains(provider);
  }

  /** Every package {@code pkg} depends on, transitively. */
  Set<String> dependencies(String pkg) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(direct(pkg));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(direct(next));
      }
    }
    return seen;
  }

  /** The first active package, in declaration order, that depends directly on {@code pkg}, else any that does. */
  Optional<String> nearestAbove(String pkg) {
    Optional<String> direct = active.stream().filter(p -> direct(p).contains(pkg)).findFirst();
    return direct.isPresent() ? direct : active.stream().filter(p -> dependencies(p).contains(pkg)).findFirst();
  }

  private List<String> direct(String pkg) {
    return policy.packageNamed(pkg).map(PackageDecl::dependsOn).orElse(List.of()).stream()
        .filter(active::contains).toList();
  }
}

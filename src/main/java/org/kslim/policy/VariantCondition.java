package org.kslim.policy;

import java.util.Optional;
import java.util.Set;

/**
 * Fedora's {@code if_variant_in}: a package or rule is active when no condition is written, or
 * when the selected variants and the listed ones share at least one name (an empty list is never
 * active, as in filtermods.py).
 *
 * <pre>{@code
 * VariantCondition rt = new VariantCondition(Optional.of(Set.of("rt")));
 * rt.active(Set.of("rt", "debug"));        // true
 * VariantCondition.ALWAYS.active(Set.of()); // true
 * }</pre>
 */
public record VariantCondition(Optional<Set<String>> anyOf) {
  public static final VariantCondition ALWAYS = new VariantCondition(Optional.empty());

  public VariantCondition {
    anyOf = anyOf.map(Set::copyOf);
  }

  /** Whether the condition holds for the selected {@code variants}. */
  public boolean active(Set<String> variants) {
    return anyOf.map(names -> names.stream().anyMatch(variants::contains)).orElse(true);
  }
}

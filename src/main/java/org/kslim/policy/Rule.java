package org.kslim.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One placement rule: modules its matcher selects want {@code pkg} (or, with {@code exact}, Fedora's
 * {@code exact_pkg: true}, must sit in exactly {@code pkg}).
 *
 * <pre>{@code
 * Rule rule = new Rule(Matcher.pathRegex("drivers/net/virtio_net.*"), "modules-core", false,
 *     VariantCondition.ALWAYS, Optional.of("every KVM guest's network"), new Location("cloud.yaml", 9));
 * rule.isDefault();   // false
 * }</pre>
 *
 * @param reason why the rule exists; empty only for rules read from a Fedora rule file
 * @param where the line the rule was written on
 */
public record Rule(
    Matcher matcher,
    String pkg,
    boolean exact,
    VariantCondition ifVariantIn,
    Optional<String> reason,
    Location where) {
  public Rule {
    Objects.requireNonNull(matcher, "matcher");
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(ifVariantIn, "ifVariantIn");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(where, "where");
  }

  /** Whether this is the {@code default:} rule, the fallback for modules no other rule selects. */
  public boolean isDefault() {
    return matcher.kind() == Matcher.Kind.DEFAULT;
  }

  /** {@code "drivers/gpu/.* -> modules (cloud.yaml:14)"}. */
  @Override
  public String toString() {
    String what = matcher.kind() == Matcher.Kind.PATH_REGEX ? matcher.pattern() : matcher.toString();
    return what + " -> " + pkg + (exact ? " (exact)" : "") + " (" + where + ")";
  }
}

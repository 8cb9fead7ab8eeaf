package org.kslim.decide;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kslim.UsageException;
import org.kslim.policy.Matcher;
import org.kslim.policy.ModuleRef;
import org.kslim.policy.Rule;
import org.kslim.split.Placement;

/**
 * What a decision names to move: a rule of the policy (by its {@code file:line} or its pattern),
 * a directory under lib/modules/VER, a path glob, or a module name or glob, tried in that order.
 *
 * <pre>{@code
 * new Selector("drivers/net/wireless/.*");          // the rule with that pattern
 * new Selector("def_variants.yaml.fedora:139");     // the rule on that line
 * new Selector("kernel/drivers/gpu");               // every module under that directory
 * new Selector("kernel/sound/pci/snd-*.ko");         // a path glob
 * new Selector("virtio_*");                         // module names
 * }</pre>
 */
public record Selector(String text) {
  public Selector {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new UsageException("a selector must not be empty: '" + text + "'");
    }
  }

  /** Whether this selector names the module placed as {@code placement}. */
  boolean selects(Placement placement, ModuleRef ref, Kind kind) {
    return switch (kind) {
      case RULE -> placement.rule().filter(this::isRule).isPresent();
      case DIRECTORY -> placement.module().startsWith(directory());
      case KERNEL_DIRECTORY -> placement.module().startsWith("kernel/" + directory());
      case PATH_GLOB -> pathGlob().matcher(placement.module()).matches();
      case MODULE -> Matcher.moduleGlob(text).matches(ref);
    };
  }

  /** How this selector reads against a policy's rules and a kernel's module paths. */
  Kind kind(List<Rule> rules, List<String> modulePaths) {
    if (rules.stream().anyMatch(this::isRule)) {
      return Kind.RULE;
    }
    if (modulePaths.stream().anyMatch(p -> p.startsWith(directory()))) {
      return Kind.DIRECTORY;
    }
    if (modulePaths.stream().anyMatch(p -> p.startsWith("kernel/" + directory()))) {
      return Kind.KERNEL_DIRECTORY;
    }
    return text.contains("/") ? Kind.PATH_GLOB : Kind.MODULE;
  }

  /** The rule this selector names, if it names one. */
  Optional<Rule> rule(List<Rule> rules) {
    return rules.stream().filter(this::isRule).findFirst();
  }

  private boolean isRule(Rule rule) {
    String where = rule.where().toString();
    return !rule.isDefault() && (where.equals(text) || where.endsWith("/" + text)
        || rule.matcher().pattern().equals(text));
  }

  private String directory() {
    return text.endsWith("/") ? text : text + "/";
  }

  private Pattern pathGlob() {
    return Matcher.modaliasGlob(text).compiled();
  }

  /** The ways a selector's text is read. */
  enum Kind { RULE, DIRECTORY, KERNEL_DIRECTORY, PATH_GLOB, MODULE }
}

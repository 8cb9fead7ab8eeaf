package org.kslim.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule or requirement selects: a path regex with Fedora's semantics, a module-name glob, a
 * modalias glob, or every module (the {@code default} rule).
 *
 * <p>A path regex is matched at the start of the modules.dep path after its first segment
 * ({@code kernel/}, {@code extra/}, {@code updates/}...), with no end anchor, compression suffix
 * kept: {@code drivers/net/tun.ko} matches {@code kernel/drivers/net/tun.ko.xz}, and
 * {@code fs/nfs.*} also matches {@code kernel/fs/nfsd/nfsd.ko}. Globs are shell style
 * ({@code * ? [a-z] [!x]}) and must match the whole name or alias; in a module-name glob
 * {@code -} and {@code _} are the same character, as kmod treats them.
 *
 * <pre>{@code
 * Matcher.pathRegex("drivers/net/virtio_net.*").matches(ref);   // by path
 * Matcher.moduleGlob("virtio_*").matches(ref);                  // by module name
 * Matcher.modaliasGlob("pci:v00001AF4d*").matches(ref);         // by any alias of the module
 * }</pre>
 */
public record Matcher(Kind kind, String pattern, Pattern compiled) {
  /** The kinds of matcher, with the key each is written under in a kslim policy. */
  public enum Kind {
    PATH_REGEX("path"),
    MODULE_NAME("module"),
    MODALIAS("modalias"),
    DEFAULT("default");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** Matches every module: the {@code default} rule. */
  public static final Matcher DEFAULT = new Matcher(Kind.DEFAULT, "", Pattern.compile(""));

  private static final String REGEX_SYNTAX = ".[]{}()*+?^$|\\";

  public Matcher {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(compiled, "compiled");
  }

  /**
   * A path regex with Fedora's semantics.
   *
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid regex
   */
  public static Matcher pathRegex(String regex) {
    return new Matcher(Kind.PATH_REGEX, regex, Pattern.compile(regex));
  }

  /** A glob over module names; {@code -} and {@code _} are interchangeable. */
  public static Matcher moduleGlob(String glob) {
    return new Matcher(Kind.MODULE_NAME, glob, Glob.compile(glob.replace('-', '_')));
  }

  /** A glob over the module's alias fields, e.g. {@code pci:v00001AF4d*}. */
  public static Matcher modaliasGlob(String glob) {
    return new Matcher(Kind.MODALIAS, glob, Glob.compile(glob));
  }

  /** Whether the module is selected. */
  public boolean matches(ModuleRef module) {
    return switch (kind) {
      case PATH_REGEX -> matchesPath(module.path());
      case MODULE_NAME -> compiled.matcher(module.name().replace('-', '_')).matches();
      case MODALIAS -> module.aliases().stream().anyMatch(alias -> compiled.matcher(alias).matches());
      case DEFAULT -> true;
    };
  }

  private boolean matchesPath(String path) {
    int slash = path.indexOf('/');
    return slash > 0 && compiled.matcher(path).region(slash + 1, path.length()).lookingAt();
  }

  /**
   * For a path regex, the plain text every path it matches has right after its first segment:
   * {@code drivers/net/} for {@code drivers/net/.*}, {@code drivers/net/amt} for
   * {@code drivers/net/amt.ko} (a regex dot is not plain), {@code drivers/base/} for
   * {@code drivers/base/.*(kunit|test).*}. Empty for other matchers and for regexes that start
   * with syntax or have an alternation outside parentheses.
   */
  public String literalPrefix() {
    if (kind != Kind.PATH_REGEX || hasTopLevelAlternation(pattern)) {
      return "";
    }
    int end = 0;
    while (end < pattern.length() && REGEX_SYNTAX.indexOf(pattern.charAt(end)) < 0) {
      end++;
    }
    boolean quantified = end < pattern.length() && "*+?{".indexOf(pattern.charAt(end)) >= 0;
    return pattern.substring(0, quantified ? Math.max(0, end - 1) : end);
  }

  private static boolean hasTopLevelAlternation(String regex) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  /** Matchers are equal when kind and written pattern are. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Matcher that && kind == that.kind && pattern.equals(that.pattern);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, pattern);
  }

  @Override
  public String toString() {
    return kind == Kind.DEFAULT ? "default" : kind.key() + " " + pattern;
  }
}

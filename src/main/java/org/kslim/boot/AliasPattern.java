package org.kslim.boot;

import java.util.Objects;

/**
 * A module's {@code alias} pattern matched against a device's modalias as kmod matches them:
 * both normalised ({@code -} becomes {@code _} outside brackets), then {@code fnmatch(pattern,
 * modalias, 0)}: {@code *} any run of characters, {@code ?} one character, {@code [...]} one of a
 * set ({@code a-z} ranges, {@code !} or {@code ^} negating, {@code ]} first taken literally), a
 * backslash quoting the next character; a {@code [} without its {@code ]} is literal.
 *
 * <pre>{@code
 * new AliasPattern("virtio:d00000001v*").matches("virtio:d00000001v00001AF4");   // true
 * new AliasPattern("pci:v*d*sv*sd*bc01sc08i02*").matches("pci:v00001D0Fd00008061sv00001D0Fsd00008061bc01sc08i02");
 * }</pre>
 */
public record AliasPattern(String pattern) {
  public AliasPattern {
    Objects.requireNonNull(pattern, "pattern");
  }

  /** Whether this pattern matches {@code modalias}. */
  public boolean matches(String modalias) {
    return matches(normalize(pattern), 0, normalize(modalias), 0);
  }

  /** kmod's alias normalisation: {@code -} becomes {@code _}, except between {@code [} and {@code ]}. */
  static String normalize(String alias) {
    StringBuilder out = new StringBuilder(alias.length());
    boolean inBracket = false;
    for (int i = 0; i < alias.length(); i++) {
      char c = alias.charAt(i);
      if (c == '[') {
        inBracket = true;
      } else if (c == ']') {
        inBracket = false;
      }
      out.append(c == '-' && !inBracket ? '_' : c);
    }
    return out.toString();
  }

  /** Iterative matching; only the last {@code *} is ever backtracked to, so the time is bounded by pattern x text. */
  private static boolean matches(String p, int pi, String s, int si) {
    int starP = -1;
    int starS = -1;
    while (si < s.length()) {
      if (pi < p.length() && p.charAt(pi) == '*') {
        starP = ++pi;
        starS = si;
        continue;
      }
      int next = pi < p.length() ? matchOne(p, pi, s.charAt(si)) : -1;
      if (next >= 0) {
        pi = next;
        si++;
      } else if (starP >= 0) {
        pi = starP;
        si = ++starS;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  /** If the pattern element at {@code pi} matches {@code c}, the index after it; else -1. */
  private static int matchOne(String p, int pi, char c) {
    char first = p.charAt(pi);
    if (first == '?') {
      return pi + 1;
    }
    if (first == '\\' && pi + 1 < p.length()) {
      return p.charAt(pi + 1) == c ? pi + 2 : -1;
    }
    if (first == '[') {
      int end = bracketEnd(p, pi);
      if (end > 0) {
        return inBracket(p, pi + 1, end, c) ? end + 1 : -1;
      }
    }
    return first == c ? pi + 1 : -1;
  }

  /** The index of the {@code ]} closing the bracket opened at {@code open}, or -1 when none does. */
  private static int bracketEnd(String p, int open) {
    int i = open + 1;
    if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++;
    }
    while (i < p.length() && p.charAt(i) != ']') {
      i += p.charAt(i) == '\\' && i + 1 < p.length() ? 2 : 1;
    }
    return i < p.length() ? i : -1;
  }

  private static boolean inBracket(String p, int from, int end, char c) {
    int i = from;
    boolean negate = p.charAt(i) == '!' || p.charAt(i) == '^';
    if (negate) {
      i++;
    }
    boolean found = false;
    while (i < end) {
      char low = p.charAt(i);
      if (low == '\\' && i + 1 < end) {
        low = p.charAt(++i);
      }
      i++;
      if (i + 1 < end && p.charAt(i) == '-') {
        char high = p.charAt(i + 1);
        found |= c >= low && c <= high;
        i += 2;
      } else {
        found |= c == low;
      }
    }
    return found != negate;
  }
}

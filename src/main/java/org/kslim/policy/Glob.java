package org.kslim.policy;

import java.util.regex.Pattern;

/** Shell-style globs ({@code * ? [set] [!set]}) translated to whole-string regexes. */
final class Glob {
  private Glob() {}

  static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (close > 0) {
        regex.append(characterClass(glob.substring(i + 1, close)));
        i = close;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return Pattern.compile(regex.toString());
  }

  private static String characterClass(String body) {
    boolean negated = body.startsWith("!");
    String members = negated ? body.substring(1) : body;
    StringBuilder out = new StringBuilder(negated ? "[^" : "[");
    for (char c : members.toCharArray()) {
      if (c != '-' && !Character.isLetterOrDigit(c)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append(']').toString();
  }
}

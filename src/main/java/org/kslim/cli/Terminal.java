package org.kslim.cli;

import java.util.Map;

/**
 * What the output streams are: a terminal (progress bar, colour) or a pipe or file (plain lines).
 * Colour needs a terminal, {@code NO_COLOR} unset or empty, and a {@code TERM} other than dumb.
 *
 * <pre>{@code
 * Terminal terminal = Terminal.detect(System.getenv());
 * }</pre>
 *
 * @param interactive the process talks to a terminal
 * @param color escape sequences for colour are welcome
 */
record Terminal(boolean interactive, boolean color) {
  static Terminal detect(Map<String, String> env) {
    return of(System.console() != null, env);
  }

  static Terminal of(boolean interactive, Map<String, String> env) {
    String noColor = env.getOrDefault("NO_COLOR", "");
    boolean color = interactive && noColor.isEmpty() && !"dumb".equals(env.get("TERM"));
    return new Terminal(interactive, color);
  }
}

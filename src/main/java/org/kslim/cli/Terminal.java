package org.kslim.cli;

import java.io.Console;
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
    return of(interactive(System.console()), env);
  }

  /** Java 17 has a console only on a terminal; from Java 22 on, {@code Console.isTerminal()} tells. */
  private static boolean interactive(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot ask the console whether it is a terminal", e);
    }
  }

  static Terminal of(boolean interactive, Map<String, String> env) {
    String noColor = env.getOrDefault("NO_COLOR", "");
    boolean color = interactive && noColor.isEmpty() && !"dumb".equals(env.get("TERM"));
    return new Terminal(interactive, color);
  }
}

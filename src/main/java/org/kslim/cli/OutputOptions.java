package org.kslim.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The {@code --json} switch of the commands that print either JSON or text. */
final class OutputOptions {
  @Option(names = "--json", description = "print JSON instead of text")
  boolean json;

  /** Prints {@code json}'s text with {@code --json}, else what {@code text} writes. */
  void print(PrintWriter out, Supplier<String> json, Consumer<PrintWriter> text) {
    if (this.json) {
      out.println(json.get());
    } else {
      text.accept(out);
    }
    out.flush();
  }
}

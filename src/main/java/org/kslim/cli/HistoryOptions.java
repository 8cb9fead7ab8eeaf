package org.kslim.cli;

import java.util.Map;
import org.kslim.history.HistoryStore;
import picocli.CommandLine.Option;

/** The {@code --db URL} option of {@code record}, {@code diff}, {@code history} and {@code check}. */
final class HistoryOptions {
  @Option(names = "--db", paramLabel = "URL",
      description = "the history: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB (default: a SQLite file in the user's data folder)")
  String url;

  /** The store at {@code --db}, or the default SQLite file. */
  HistoryStore open() {
    return HistoryStore.open(url != null ? url : HistoryStore.defaultUrl(Map.copyOf(System.getenv())));
  }
}

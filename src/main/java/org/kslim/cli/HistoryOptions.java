package org.kslim.cli;

import java.util.Map;
import java.util.function.Supplier;
import org.kslim.check.SplitAnalysis;
import org.kslim.history.Build;
import org.kslim.history.HistoryStore;
import org.kslim.report.ReportSections;
import picocli.CommandLine.Option;

/** The {@code --db URL} option of {@code record}, {@code diff}, {@code history}, {@code check} and {@code split}. */
final class HistoryOptions {
  @Option(names = "--db", paramLabel = "URL",
      description = "the history: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB (default: a SQLite file in the user's data folder)")
  String url;

  private HistoryStore store;

  /** The store at {@code --db}, or the default SQLite file; opened once per command. */
  HistoryStore open() {
    if (store == null) {
      store = HistoryStore.open(url != null ? url : HistoryStore.defaultUrl(Map.copyOf(System.getenv())));
    }
    return store;
  }

  /** The report's sections: the what-if table, and with {@code --db} the trend and the creep limits of {@code build}. */
  ReportSections sections(SplitAnalysis analysis, Supplier<Build> build) {
    ReportSections sections = ReportSections.of(analysis);
    return url == null ? sections : sections.withHistory(open(), build.get(), analysis);
  }
}

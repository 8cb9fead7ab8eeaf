package org.kslim.history;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.BadInputException;

/**
 * The size history: recorded builds in a SQLite file or a PostgreSQL database, same schema on
 * both, created and upgraded by versioned migrations when opened. Each call is one transaction
 * (a crash leaves the previous state) and is retried when a concurrent writer gets in the way.
 *
 * <pre>{@code
 * HistoryStore store = HistoryStore.open(HistoryStore.defaultUrl(System.getenv()));
 * Recorded r = store.record(Builds.of(analysis, deb, policyText, Instant.now()));
 * Build again = store.load(r.id());
 * }</pre>
 */
public final class HistoryStore {
  private final Database database;

  private HistoryStore(Database database) {
    this.database = database;
  }

  /** Opens the history at a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL and brings its schema up to date. */
  public static HistoryStore open(String url) {
    Database database = Database.at(url);
    Migrations.migrate(database);
    return new HistoryStore(database);
  }

  /** {@code jdbc:sqlite:} of {@code $XDG_DATA_HOME/kslim/history.db}, else {@code ~/.local/share/kslim/history.db}. */
  public static String defaultUrl(Map<String, String> environment) {
    return Database.defaultUrl(environment);
  }

  /** The URL without its parameters, for messages. */
  public String describe() {
    return database.describe();
  }

  /** The schema version this kslim brings stores to. */
  public static int schemaVersion() {
    return Migrations.SCRIPTS.size();
  }

  /** Stores {@code build} unless the same input was recorded with the same policy. */
  public Recorded record(Build build) {
    return record(build, () -> { });
  }

  /** As {@link #record(Build)}; {@code midway} runs inside the transaction after the build's row is written. */
  Recorded record(Build build, Runnable midway) {
    return Transactions.run(database, connection -> new BuildWriter(connection).write(build, midway));
  }

  /** The build recorded as {@code id}; fails naming the store when there is none. */
  public Build load(long id) {
    return Transactions.run(database, connection -> new BuildReader(connection).build(id))
        .orElseThrow(() -> new BadInputException("build:" + id + " is not recorded in " + describe()));
  }

  /** The recorded builds (of {@code flavour}, when given), in recording order. */
  public List<BuildInfo> builds(Optional<String> flavour) {
    return Transactions.run(database, connection -> new BuildReader(connection).builds(flavour));
  }
}

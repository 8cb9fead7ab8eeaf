package org.kslim.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.kslim.BadInputException;
import org.kslim.UsageException;
import org.sqlite.SQLiteConfig;

/**
 * Where the history lives, and how to open a connection to it: a SQLite file (WAL journal, busy
 * timeout, transactions that take the write lock at once) or a PostgreSQL database (a
 * transaction-scoped advisory lock serialises migrations).
 */
final class Database {
  static final int BUSY_TIMEOUT_MILLIS = 30_000;
  private static final long MIGRATION_LOCK = 0x6b736c696dL;

  private final String url;
  private final boolean sqlite;

  private Database(String url, boolean sqlite) {
    this.url = url;
    this.sqlite = sqlite;
  }

  static Database at(String url) {
    if (url.startsWith("jdbc:sqlite:")) {
      return new Database(url, true);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new Database(url, false);
    }
    throw new UsageException("--db must be a jdbc:sqlite: or jdbc:postgresql: URL: " + describe(url));
  }

  /** {@code jdbc:sqlite:$XDG_DATA_HOME/kslim/history.db}, or under {@code ~/.local/share}. */
  static String defaultUrl(Map<String, String> environment) {
    String xdg = environment.getOrDefault("XDG_DATA_HOME", "");
    Path base = xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "share") : Path.of(xdg);
    return "jdbc:sqlite:" + base.resolve("kslim").resolve("history.db");
  }

  /** The URL without its parameters (which may hold a password). */
  String describe() {
    return describe(url);
  }

  private static String describe(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** A connection with auto-commit off. */
  Connection open() throws SQLException {
    Connection connection;
    if (sqlite) {
      createFolder();
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      config.enforceForeignKeys(true);
      connection = DriverManager.getConnection(url, config.toProperties());
    } else {
      connection = DriverManager.getConnection(url);
    }
    connection.setAutoCommit(false);
    return connection;
  }

  /** Makes migrations of concurrent processes wait for each other, until the transaction ends. */
  void lockForMigration(Connection connection) throws SQLException {
    if (!sqlite) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
      }
    }
  }

  private void createFolder() throws SQLException {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    Path path = Path.of(query < 0 ? file : file.substring(0, query));
    if (path.getParent() != null && !file.startsWith(":memory:")) {
      try {
        Files.createDirectories(path.getParent());
      } catch (IOException e) {
        throw new BadInputException(path.getParent() + ": cannot create the history's folder: " + e.getMessage(), e);
      }
    }
  }
}

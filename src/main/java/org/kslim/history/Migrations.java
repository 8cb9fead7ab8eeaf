package org.kslim.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Creates and upgrades the history's schema: versioned SQL scripts ({@code V1.sql}, ...) next to
 * this class, each applied once, in order, in one transaction with its row in
 * {@code schema_version}.
 */
final class Migrations {
  /** The scripts, in order; the schema's version is their count. */
  static final List<String> SCRIPTS = List.of("V1.sql");

  private Migrations() {}

  /** Brings the schema up to date; returns the version it now has. */
  static int migrate(Database database) {
    return Transactions.run(database, connection -> {
      database.lockForMigration(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
            + "version INTEGER PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)");
      }
      int current = current(connection);
      if (current > SCRIPTS.size()) {
        throw new SQLException("schema version " + current + " is newer than this kslim knows (" + SCRIPTS.size()
            + "): use a newer kslim");
      }
      for (int version = current + 1; version <= SCRIPTS.size(); version++) {
        apply(connection, version);
      }
      return SCRIPTS.size();
    });
  }

  private static int current(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void apply(Connection connection, int version) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : script(SCRIPTS.get(version - 1)).split(";\\s*\\n")) {
        String code = withoutComments(sql);
        if (!code.isBlank()) {
          statement.execute(code);
        }
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
      insert.setInt(1, version);
      insert.setString(2, Instant.now().toString());
      insert.executeUpdate();
    }
  }

  private static String withoutComments(String sql) {
    return sql.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
  }

  private static String script(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the kslim jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name + " from the kslim jar", e);
    }
  }
}

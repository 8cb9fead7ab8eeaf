package org.kslim.history;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The PostgreSQL database of the real tier ({@code -Dkslim.postgres=JDBC-URL}, printed by {@code .ci/postgres}). */
final class TestDatabases {
  private static final List<String> TABLES = List.of("build_verdict", "build_package", "build_module", "build",
      "policy_budget", "policy_approval", "policy_rule", "policy", "schema_version");

  private TestDatabases() {}

  /** The PostgreSQL URL, emptied of kslim's tables; skips when the tier is off, fails when the server is missing. */
  static String postgres() {
    String url = System.getProperty("kslim.postgres", "");
    assumeTrue(!url.isBlank(), "PostgreSQL tier off (set -Dkslim.postgres=JDBC-URL, see .ci/postgres)");
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute("DROP TABLE IF EXISTS " + table);
      }
    } catch (SQLException e) {
      fail("kslim.postgres=" + url + ": cannot connect: " + e.getMessage(), e);
    }
    return url;
  }
}

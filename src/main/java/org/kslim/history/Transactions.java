package org.kslim.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.kslim.BadInputException;

/**
 * Runs work in one transaction on a fresh connection: commits when it returns, rolls back when
 * it fails, and tries again (up to {@link #ATTEMPTS} times, after a growing random pause) when a
 * concurrent writer got in the way: a busy SQLite file, a PostgreSQL serialization failure,
 * deadlock or unique violation.
 */
final class Transactions {
  static final int ATTEMPTS = 30;

  /** Work inside a transaction. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transactions() {}

  static <T> T run(Database database, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(database, work);
      } catch (SQLException e) {
        if (attempt >= ATTEMPTS || !conflict(e)) {
          throw new BadInputException(database.describe() + ": " + e.getMessage(), e);
        }
        pause(database, attempt);
      }
    }
  }

  private static <T> T once(Database database, Work<T> work) throws SQLException {
    try (Connection connection = database.open()) {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    }
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** A conflict with a concurrent writer, which a new attempt may not meet. */
  static boolean conflict(SQLException e) {
    String state = e.getSQLState();
    int sqliteCode = e.getErrorCode() & 0xff;
    boolean sqlite = e.getClass().getName().startsWith("org.sqlite");
    return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state)
        || sqlite && (sqliteCode == 5 || sqliteCode == 6);
  }

  private static void pause(Database database, int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * Math.min(attempt, 10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException(database.describe() + ": interrupted while waiting for a concurrent writer", e);
    }
  }
}

package org.kslim.history;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** The history store on a real PostgreSQL server: the real tier with {@code -Dkslim.postgres=JDBC-URL}. */
@Tag("real")
class PostgresHistoryStoreTest extends HistoryStoreContract {
  @Override
  String emptyDatabase(Path dir) {
    return TestDatabases.postgres();
  }
}

package org.kslim.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history store on a SQLite file. */
class SqliteHistoryStoreTest extends HistoryStoreContract {
  @Override
  String emptyDatabase(Path dir) {
    return "jdbc:sqlite:" + dir.resolve("data/kslim/history.db");
  }

  @Test
  void theFileUsesAWriteAheadLogAndStaysIntact() throws SQLException {
    HistoryStore.open(url).record(SampleBuilds.cloud(1));

    assertThat(query("PRAGMA journal_mode")).containsExactly("wal");
    assertThat(query("PRAGMA integrity_check")).containsExactly("ok");
    assertThat(query("PRAGMA foreign_key_check")).isEmpty();
    assertThat(Files.exists(dir.resolve("data/kslim/history.db"))).isTrue();
  }

  @Test
  void theDefaultFileIsInTheUsersDataFolder() {
    assertThat(HistoryStore.defaultUrl(Map.of("XDG_DATA_HOME", "/d"))).isEqualTo("jdbc:sqlite:/d/kslim/history.db");
    assertThat(HistoryStore.defaultUrl(Map.of()))
        .isEqualTo("jdbc:sqlite:" + Path.of(System.getProperty("user.home"), ".local/share/kslim/history.db"));
  }
}

package org.kslim.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.BadInputException;
import org.kslim.cli.Main;

/** What every history store does, on SQLite and on PostgreSQL alike. */
abstract class HistoryStoreContract {
  @TempDir Path dir;

  String url;

  /** A new, empty database. */
  abstract String emptyDatabase(Path dir);

  @BeforeEach
  void empty() {
    url = emptyDatabase(dir);
  }

  @Test
  void recordsABuildAndLoadsItBackUnchanged() {
    HistoryStore store = HistoryStore.open(url);
    Build build = SampleBuilds.cloud(47);

    Recorded recorded = store.record(build);

    assertThat(recorded).isEqualTo(new Recorded(1, true));
    assertThat(store.load(1)).isEqualTo(build.withInfo(build.info().withId(1)));
  }

  @Test
  void theSameInputWithTheSamePolicyIsRecordedOnce() {
    HistoryStore store = HistoryStore.open(url);
    store.record(SampleBuilds.cloud(47));
    store.record(SampleBuilds.cloud(56));

    assertThat(store.record(SampleBuilds.cloud(47))).isEqualTo(new Recorded(1, false));
    assertThat(store.builds(Optional.empty())).extracting(BuildInfo::id).containsExactly(1L, 2L);
  }

  @Test
  void listsBuildsOfAFlavourInRecordingOrder() {
    HistoryStore store = HistoryStore.open(url);
    store.record(SampleBuilds.cloud(56));
    store.record(SampleBuilds.build(1, "6.1.0-56-amd64", "p"));
    store.record(SampleBuilds.cloud(47));

    assertThat(store.builds(Optional.of("cloud-amd64"))).extracting(BuildInfo::kernelVersion)
        .containsExactly("6.1.0-56-cloud-amd64", "6.1.0-47-cloud-amd64");
    assertThat(store.builds(Optional.of("amd64"))).extracting(BuildInfo::id).containsExactly(2L);
  }

  @Test
  void migrationsApplyOnceAndAreNumbered() throws SQLException {
    HistoryStore.open(url);
    HistoryStore.open(url).record(SampleBuilds.cloud(1));

    assertThat(query("SELECT version FROM schema_version")).containsExactly(String.valueOf(HistoryStore.schemaVersion()));
    assertThat(query("SELECT COUNT(*) FROM build")).containsExactly("1");
  }

  @Test
  void aStoreOfANewerSchemaIsRefused() throws SQLException {
    HistoryStore.open(url);
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')");
    }

    assertThatThrownBy(() -> HistoryStore.open(url)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("schema version 99 is newer than this kslim knows (" + HistoryStore.schemaVersion() + ")");
  }

  @Test
  void loadingABuildNotRecordedFailsNamingIt() {
    HistoryStore store = HistoryStore.open(url);

    assertThatThrownBy(() -> store.load(9)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("build:9 is not recorded in jdbc:").hasMessageNotContaining("password");
  }

  @Test
  void eightConcurrentRecordProcessesLoseNoBuild() throws Exception {
    Path policy = HistoryFixtures.policy(dir, 1000);
    HistoryStore.open(url);
    List<Process> processes = new ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      Path tree = HistoryFixtures.tree(dir.resolve("k" + n), n, 100 * n, n % 2 == 0);
      processes.add(java(Main.class.getName(), "record", tree.toString(), "--policy", policy.toString(), "--db", url)
          .start());
    }
    for (Process process : processes) {
      assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
          .isZero();
    }

    HistoryStore store = HistoryStore.open(url);
    assertThat(store.builds(Optional.empty())).extracting(BuildInfo::kernelVersion).containsExactlyInAnyOrder(
        IntStream.rangeClosed(1, 8).mapToObj(HistoryFixtures::kernelVersion).toArray(String[]::new));
    assertThat(store.builds(Optional.empty())).extracting(BuildInfo::id).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(query("SELECT COUNT(*) FROM build_module")).containsExactly("28");
    assertThat(query("SELECT COUNT(*) FROM policy")).containsExactly("1");
  }

  @Test
  void aProcessKilledWhileRecordingLeavesNoPartialBuild() throws Exception {
    HistoryStore store = HistoryStore.open(url);
    store.record(SampleBuilds.cloud(47));
    Process process = java(RecordChild.class.getName(), url, "56").start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("midway");
    }
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    HistoryStore after = HistoryStore.open(url);
    assertThat(after.builds(Optional.empty())).extracting(BuildInfo::id).containsExactly(1L);
    assertThat(query("SELECT COUNT(*) FROM build_module")).containsExactly("3");
    assertThat(after.record(SampleBuilds.cloud(56))).isEqualTo(new Recorded(2, true));
    assertThat(after.load(2).modules()).hasSize(3);
  }

  private static ProcessBuilder java(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  List<String> query(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

}

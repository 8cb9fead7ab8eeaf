package org.kslim.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.size.Measure;

/** Reads recorded builds inside the caller's transaction. */
final class BuildReader {
  private static final String INFO = "SELECT id, recorded_at, kernel_version, flavour, architecture, input_name,"
      + " input_sha256, policy_hash, passed FROM build";

  private final Connection connection;

  BuildReader(Connection connection) {
    this.connection = connection;
  }

  /** Every build (of {@code flavour}, when given), in recording order. */
  List<BuildInfo> builds(Optional<String> flavour) throws SQLException {
    if (flavour.isEmpty()) {
      return list(INFO + " WHERE id > ? ORDER BY id", 0L, BuildReader::info);
    }
    return list(INFO + " WHERE flavour = ? ORDER BY id", flavour.get(), BuildReader::info);
  }

  Optional<Build> build(long id) throws SQLException {
    Optional<BuildInfo> info = list(INFO + " WHERE id = ?", id, BuildReader::info).stream().findFirst();
    if (info.isEmpty()) {
      return Optional.empty();
    }
    String hash = info.get().policyHash();
    String[] policy = policy(hash);
    return Optional.of(new Build(info.get(), policy[0], policy[1], rules(hash), approvals(hash), budgets(hash),
        modules(id), packages(id), verdicts(id)));
  }

  private static BuildInfo info(ResultSet rows) throws SQLException {
    return new BuildInfo(rows.getLong(1), Instant.parse(rows.getString(2)), rows.getString(3), rows.getString(4),
        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9) != 0);
  }

  /** Maps one row. */
  private interface Row<T> {
    T map(ResultSet rows) throws SQLException;
  }

  private <T> List<T> list(String sql, Object key, Row<T> row) throws SQLException {
    List<T> values = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, key);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(row.map(rows));
        }
      }
    }
    return values;
  }

  private String[] policy(String hash) throws SQLException {
    List<String[]> policy = list("SELECT source, body FROM policy WHERE hash = ?", hash,
        rows -> new String[] {rows.getString(1), rows.getString(2)});
    if (policy.isEmpty()) {
      throw new SQLException("policy " + hash + " of a recorded build is missing");
    }
    return policy.get(0);
  }

  private List<RuleReason> rules(String hash) throws SQLException {
    return list("SELECT position, matcher, package, reason FROM policy_rule WHERE policy_hash = ? ORDER BY position",
        hash, rows -> new RuleReason(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4)));
  }

  private List<Approval> approvals(String hash) throws SQLException {
    return list("SELECT kind, package, subject, reason, approved_by FROM policy_approval"
        + " WHERE policy_hash = ? ORDER BY position", hash, rows -> new Approval(rows.getString(1), rows.getString(2),
        rows.getString(3), rows.getString(4), rows.getString(5)));
  }

  private Map<String, Map<Measure, Long>> budgets(String hash) throws SQLException {
    Map<String, Map<Measure, Long>> budgets = new LinkedHashMap<>();
    for (String[] row : list("SELECT package, measure, size_limit FROM policy_budget"
        + " WHERE policy_hash = ? ORDER BY package, measure", hash,
        rows -> new String[] {rows.getString(1), rows.getString(2), rows.getString(3)})) {
      budgets.computeIfAbsent(row[0], k -> new EnumMap<>(Measure.class)).put(Measure.ofKey(row[1]), Long.parseLong(row[2]));
    }
    return budgets;
  }

  private List<ModuleRecord> modules(long id) throws SQLException {
    return list("SELECT path, name, package, installed, installed_kib, disk, elf FROM build_module"
        + " WHERE build_id = ? ORDER BY path", id, rows -> {
          Map<ModuleMeasure, Long> sizes = new EnumMap<>(ModuleMeasure.class);
          sizes.put(ModuleMeasure.INSTALLED, rows.getLong(4));
          sizes.put(ModuleMeasure.INSTALLED_KIB, rows.getLong(5));
          sizes.put(ModuleMeasure.DISK, rows.getLong(6));
          sizes.put(ModuleMeasure.ELF, rows.getLong(7));
          return new ModuleRecord(rows.getString(1), rows.getString(2), rows.getString(3), sizes);
        });
  }

  private List<PackageTotal> packages(long id) throws SQLException {
    Map<String, Map<Measure, Long>> sizes = new LinkedHashMap<>();
    for (String[] row : list("SELECT package, measure, size FROM build_package WHERE build_id = ? ORDER BY position, measure",
        id, rows -> new String[] {rows.getString(1), rows.getString(2), rows.getString(3)})) {
      sizes.computeIfAbsent(row[0], k -> new EnumMap<>(Measure.class)).put(Measure.ofKey(row[1]), Long.parseLong(row[2]));
    }
    return sizes.entrySet().stream().map(e -> new PackageTotal(e.getKey(), e.getValue())).toList();
  }

  private List<VerdictRecord> verdicts(long id) throws SQLException {
    return list("SELECT package, measure, budget, size_limit, actual, passed FROM build_verdict"
        + " WHERE build_id = ? ORDER BY position", id, rows -> new VerdictRecord(rows.getString(1),
        Measure.ofKey(rows.getString(2)), rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getInt(6) != 0));
  }
}

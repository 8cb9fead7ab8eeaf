package org.kslim.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.kslim.size.Measure;

/** Writes one build, and its policy when the store lacks it, inside the caller's transaction. */
final class BuildWriter {
  private final Connection connection;

  BuildWriter(Connection connection) {
    this.connection = connection;
  }

  /** Records {@code build} unless the same input and policy are; {@code midway} runs after the build's row. */
  Recorded write(Build build, Runnable midway) throws SQLException {
    BuildInfo info = build.info();
    Optional<Long> existing = existing(info);
    if (existing.isPresent()) {
      return new Recorded(existing.get(), false);
    }
    if (!policyKnown(info.policyHash())) {
      writePolicy(build);
    }
    long id = nextId();
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO build (id, recorded_at, kernel_version,"
        + " flavour, architecture, input_name, input_sha256, policy_hash, passed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, id);
      insert.setString(2, info.recordedAt().toString());
      insert.setString(3, info.kernelVersion());
      insert.setString(4, info.flavour());
      insert.setString(5, info.architecture());
      insert.setString(6, info.inputName());
      insert.setString(7, info.inputSha256());
      insert.setString(8, info.policyHash());
      insert.setInt(9, info.passed() ? 1 : 0);
      insert.executeUpdate();
    }
    midway.run();
    writeModules(id, build);
    writePackages(id, build);
    writeVerdicts(id, build);
    return new Recorded(id, true);
  }

  private Optional<Long> existing(BuildInfo info) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT id FROM build WHERE input_sha256 = ? AND policy_hash = ?")) {
      query.setString(1, info.inputSha256());
      query.setString(2, info.policyHash());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    }
  }

  private boolean policyKnown(String hash) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM policy WHERE hash = ?")) {
      query.setString(1, hash);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private long nextId() throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM build");
         ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void writePolicy(Build build) throws SQLException {
    String hash = build.info().policyHash();
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO policy (hash, source, body) VALUES (?, ?, ?)")) {
      insert.setString(1, hash);
      insert.setString(2, build.policySource());
      insert.setString(3, build.policyText());
      insert.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO policy_rule (policy_hash, position, matcher, package, reason) VALUES (?, ?, ?, ?, ?)")) {
      for (RuleReason rule : build.rules()) {
        insert.setString(1, hash);
        insert.setInt(2, rule.position());
        insert.setString(3, rule.rule());
        insert.setString(4, rule.pkg());
        insert.setString(5, rule.reason());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO policy_approval (policy_hash, position,"
        + " kind, package, subject, reason, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (Approval approval : build.approvals()) {
        insert.setString(1, hash);
        insert.setInt(2, ++position);
        insert.setString(3, approval.kind());
        insert.setString(4, approval.pkg());
        insert.setString(5, approval.subject());
        insert.setString(6, approval.reason());
        insert.setString(7, approval.approvedBy());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO policy_budget (policy_hash, package, measure, size_limit) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, Map<Measure, Long>> pkg : build.budgets().entrySet()) {
        for (Map.Entry<Measure, Long> limit : pkg.getValue().entrySet()) {
          insert.setString(1, hash);
          insert.setString(2, pkg.getKey());
          insert.setString(3, limit.getKey().key());
          insert.setLong(4, limit.getValue());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private void writeModules(long id, Build build) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO build_module (build_id, path, name,"
        + " package, installed, installed_kib, disk, elf) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (ModuleRecord module : build.modules()) {
        insert.setLong(1, id);
        insert.setString(2, module.path());
        insert.setString(3, module.name());
        insert.setString(4, module.pkg());
        insert.setLong(5, module.size(ModuleMeasure.INSTALLED));
        insert.setLong(6, module.size(ModuleMeasure.INSTALLED_KIB));
        insert.setLong(7, module.size(ModuleMeasure.DISK));
        insert.setLong(8, module.size(ModuleMeasure.ELF));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void writePackages(long id, Build build) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO build_package (build_id, package, position, measure, size) VALUES (?, ?, ?, ?, ?)")) {
      int position = 0;
      for (PackageTotal pkg : build.packages()) {
        position++;
        for (Measure measure : Measure.values()) {
          insert.setLong(1, id);
          insert.setString(2, pkg.pkg());
          insert.setInt(3, position);
          insert.setString(4, measure.key());
          insert.setLong(5, pkg.size(measure));
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private void writeVerdicts(long id, Build build) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO build_verdict (build_id, position,"
        + " package, measure, budget, size_limit, actual, passed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (VerdictRecord verdict : build.verdicts()) {
        insert.setLong(1, id);
        insert.setInt(2, ++position);
        insert.setString(3, verdict.pkg());
        insert.setString(4, verdict.measure().key());
        insert.setLong(5, verdict.budget());
        insert.setLong(6, verdict.limit());
        insert.setLong(7, verdict.actual());
        insert.setInt(8, verdict.passed() ? 1 : 0);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}

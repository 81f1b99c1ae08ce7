package io.octopods.stack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One connection of the ceiling, {@code synchronous_commit = on}, writing what the service writes
 * for a report: the conditional status update ({@code ... WHERE message_id = ? AND rank < ?}), the
 * history row, and an outbox row when the status changed. {@link #grouped}: as the service's group
 * commit does, the group's messages locked first with one {@code SELECT ... ORDER BY message_id FOR
 * UPDATE}, then the updates, history rows and outbox rows as three JDBC batches, one commit. {@link
 * #single}: one report per transaction, statement by statement.
 */
final class CeilingTransaction implements AutoCloseable {
  /** Current status to rank; FAILED ranks above all, as no report applies on it. */
  private static final String RANK =
      "(CASE status WHEN 'QUEUED' THEN 0 WHEN 'UNKNOWN' THEN 1 WHEN 'SENT' THEN 2 "
          + "WHEN 'DELIVERED' THEN 3 WHEN 'READ' THEN 4 WHEN 'DELETED' THEN 5 ELSE 9 END)";

  private static final Map<String, Integer> TARGET_RANK =
      Map.of("UNKNOWN", 1, "SENT", 2, "DELIVERED", 3, "FAILED", 3, "READ", 4, "DELETED", 5);
  private static final List<String> REACHED =
      List.of("SENT", "DELIVERED", "READ", "FAILED", "DELETED");

  private final Connection c;
  private final String tables;
  private final PreparedStatement update;
  private final PreparedStatement history;
  private final PreparedStatement outbox;
  private final Map<Integer, PreparedStatement> locks = new HashMap<>();

  CeilingTransaction(Connection c, String tables) throws SQLException {
    this.c = c;
    this.tables = tables;
    try (Statement s = c.createStatement()) {
      s.execute("SET synchronous_commit = on");
    }
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    update =
        c.prepareStatement(
            "UPDATE "
                + tables
                + "_message SET status = ?, updated_at = ?, "
                + String.join(
                    ", ",
                    REACHED.stream()
                        .map(
                            s ->
                                "reached_"
                                    + s.toLowerCase(java.util.Locale.ROOT)
                                    + " = COALESCE(reached_"
                                    + s.toLowerCase(java.util.Locale.ROOT)
                                    + ", ?)")
                        .toList())
                + " WHERE message_id = ? AND "
                + RANK
                + " < ?");
    history =
        c.prepareStatement(
            "INSERT INTO "
                + tables
                + "_history (event_id, message_id, received_at, "
                + "applied_at, source, provider_status, provider_timestamp, mapped_status, applied, reason, error_code, "
                + "error_title, detail, raw_payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    outbox =
        c.prepareStatement(
            "INSERT INTO "
                + tables
                + "_outbox (kind, message_id, payload, due_at, attempts) "
                + "VALUES (?, ?, ?, ?, ?)");
  }

  /** One group in one transaction; answers how many of its reports changed a status. */
  int grouped(List<ReplayReport> group) throws SQLException {
    TreeSet<String> ids = new TreeSet<>();
    group.forEach(r -> ids.add(r.messageId()));
    PreparedStatement lock =
        locks.computeIfAbsent(
            ids.size(),
            n ->
                prepare(
                    "SELECT * FROM "
                        + tables
                        + "_message WHERE message_id IN ("
                        + String.join(", ", Collections.nCopies(n, "?"))
                        + ") ORDER BY message_id FOR UPDATE"));
    int i = 1;
    for (String id : ids) {
      lock.setString(i++, id);
    }
    try (ResultSet rs = lock.executeQuery()) {
      while (rs.next()) {
        // read as the service reads the locked rows
      }
    }
    Timestamp now = new Timestamp(System.currentTimeMillis());
    for (ReplayReport r : group) {
      if (r.mappedStatus() != null) {
        bindUpdate(r, now);
        update.addBatch();
      }
    }
    int[] counts = update.executeBatch();
    int applied = 0;
    int k = 0;
    for (ReplayReport r : group) {
      boolean changed = r.mappedStatus() != null && counts[k++] > 0;
      bindHistory(r, changed, now);
      history.addBatch();
      if (changed) {
        bindOutbox(r, now);
        outbox.addBatch();
        applied++;
      }
    }
    history.executeBatch();
    if (applied > 0) {
      outbox.executeBatch();
    }
    c.commit();
    return applied;
  }

  /** One report in one transaction; answers 1 when it changed the status. */
  int single(ReplayReport r) throws SQLException {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    boolean changed = false;
    if (r.mappedStatus() != null) {
      bindUpdate(r, now);
      changed = update.executeUpdate() > 0;
    }
    bindHistory(r, changed, now);
    history.executeUpdate();
    if (changed) {
      bindOutbox(r, now);
      outbox.executeUpdate();
    }
    c.commit();
    return changed ? 1 : 0;
  }

  private PreparedStatement prepare(String sql) {
    try {
      return c.prepareStatement(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void bindUpdate(ReplayReport r, Timestamp now) throws SQLException {
    update.setString(1, r.mappedStatus());
    update.setTimestamp(2, now);
    for (int i = 0; i < REACHED.size(); i++) {
      update.setTimestamp(3 + i, REACHED.get(i).equals(r.mappedStatus()) ? now : null);
    }
    update.setString(3 + REACHED.size(), r.messageId());
    update.setInt(4 + REACHED.size(), TARGET_RANK.getOrDefault(r.mappedStatus(), 0));
  }

  private void bindHistory(ReplayReport r, boolean changed, Timestamp now) throws SQLException {
    history.setString(1, UUID.randomUUID().toString());
    history.setString(2, r.messageId());
    history.setTimestamp(3, now);
    history.setTimestamp(4, null);
    history.setString(5, "callback");
    history.setString(6, r.providerStatus());
    history.setTimestamp(7, r.providerTimestamp());
    history.setString(8, r.mappedStatus());
    history.setBoolean(9, changed);
    history.setString(10, changed ? null : "stale");
    history.setString(11, r.errorCode());
    history.setString(12, r.errorTitle());
    history.setString(13, null);
    history.setString(14, r.raw());
  }

  private void bindOutbox(ReplayReport r, Timestamp now) throws SQLException {
    outbox.setString(1, "hubspot");
    outbox.setString(2, r.messageId());
    outbox.setString(3, r.mappedStatus() + " " + now.toInstant());
    outbox.setTimestamp(4, now);
    outbox.setInt(5, 0);
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement lock : locks.values()) {
      lock.close();
    }
    update.close();
    history.close();
    outbox.close();
    c.close();
  }
}

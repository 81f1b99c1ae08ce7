package io.octopods.service.adapters.persistence;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.ReconciliationQueries;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code reconciliation} table (V2) next to {@code message}: a message is claimed by locking
 * its row, then its reconciliation row is written with a lease, so two instances never check the
 * same message at once.
 */
public final class JdbcReconciliationQueries implements ReconciliationQueries {
  /**
   * A hand-off that timed out leaves this {@code send} event (HandOff): the message may be at the
   * provider.
   */
  static final String TIMED_OUT =
      "EXISTS (SELECT 1 FROM history h WHERE h.message_id = m.message_id "
          + "AND h.source = 'send' AND h.provider_status = 'timeout')";

  private final JdbcMessageStore store;

  public JdbcReconciliationQueries(JdbcMessageStore store) {
    this.store = store;
  }

  @Override
  public List<DueCheck> claimDue(
      Channel channel, Instant now, Instant changedBefore, int limit, Instant leaseUntil) {
    return store.read(
        tx -> {
          List<String> candidates = new ArrayList<>();
          tx.query(
              "SELECT m.message_id FROM message m LEFT JOIN reconciliation r ON r.message_id = m.message_id "
                  + "WHERE m.channel = ? AND (m.status = 'SENT' OR (m.status = 'UNKNOWN' AND "
                  + TIMED_OUT
                  + ")) "
                  + "AND m.updated_at <= ? "
                  + "AND (r.message_id IS NULL OR r.basis < m.updated_at "
                  + "OR (r.next_check_at IS NOT NULL AND r.next_check_at <= ?)) "
                  + "AND (r.lease_until IS NULL OR r.lease_until < ?) "
                  + "ORDER BY m.updated_at, m.message_id LIMIT ?",
              ps -> {
                ps.setString(1, channel.path());
                Sql.instant(ps, 2, changedBefore);
                Sql.instant(ps, 3, now);
                Sql.instant(ps, 4, now);
                ps.setInt(5, limit);
              },
              rs -> candidates.add(rs.getString("message_id")));
          List<DueCheck> claimed = new ArrayList<>();
          for (String id : candidates) {
            Optional<MessageRecord> locked =
                tx.lock(id); // serialises claims of one message; the candidate may have moved
            if (locked.isEmpty()) {
              continue;
            }
            MessageRecord m = locked.get();
            if (m.channel() != channel
                || (m.status() != Status.SENT && m.status() != Status.UNKNOWN)
                || m.updatedAt().isAfter(changedBefore)) {
              continue;
            }
            Optional<Row> row = read(tx, id, true);
            if (row.isEmpty()) {
              tx.run(
                  "INSERT INTO reconciliation (message_id, basis, checks, next_check_at, lease_until) "
                      + "VALUES (?, ?, 0, ?, ?)",
                  ps -> {
                    ps.setString(1, id);
                    Sql.instant(ps, 2, m.updatedAt());
                    Sql.instant(ps, 3, now);
                    Sql.instant(ps, 4, leaseUntil);
                  });
              claimed.add(new DueCheck(m, 0));
              continue;
            }
            CheckState s = row.get().state();
            if (row.get().leaseUntil().filter(until -> !until.isBefore(now)).isPresent()) {
              continue; // another worker is checking it
            }
            boolean newSeries = s.basis().isBefore(m.updatedAt());
            if (!newSeries && (s.nextCheckAt().isEmpty() || s.nextCheckAt().get().isAfter(now))) {
              continue;
            }
            int done = newSeries ? 0 : s.checks();
            tx.run(
                "UPDATE reconciliation SET basis = ?, checks = ?, next_check_at = ?, lease_until = ? "
                    + "WHERE message_id = ?",
                ps -> {
                  Sql.instant(ps, 1, m.updatedAt());
                  ps.setInt(2, done);
                  Sql.instant(ps, 3, newSeries ? now : s.nextCheckAt().get());
                  Sql.instant(ps, 4, leaseUntil);
                  ps.setString(5, id);
                });
            claimed.add(new DueCheck(m, done));
          }
          return claimed;
        });
  }

  @Override
  public void checked(
      DueCheck check, int checks, Optional<Instant> nextCheckAt, String outcome, Instant at) {
    String text =
        outcome == null || outcome.length() <= 2000 ? outcome : outcome.substring(0, 1997) + "...";
    store.read(
        tx -> {
          tx.run(
              "UPDATE reconciliation SET checks = ?, next_check_at = ?, lease_until = NULL, last_checked_at = ?, "
                  + "last_outcome = ? WHERE message_id = ? AND basis = ?",
              ps -> {
                ps.setInt(1, checks);
                Sql.instant(ps, 2, nextCheckAt);
                Sql.instant(ps, 3, at);
                ps.setString(4, text);
                ps.setString(5, check.message().messageId());
                Sql.instant(ps, 6, check.message().updatedAt());
              });
          return null;
        });
  }

  @Override
  public Optional<String> holderOf(Channel channel, String providerMessageId) {
    return store.read(
        tx -> {
          List<String> found = new ArrayList<>();
          tx.query(
              "SELECT message_id FROM message WHERE provider = ? AND provider_message_id = ?",
              ps -> {
                ps.setString(1, channel.provider());
                ps.setString(2, providerMessageId);
              },
              rs -> found.add(rs.getString("message_id")));
          return found.stream().findFirst();
        });
  }

  @Override
  public Optional<CheckState> state(String messageId) {
    return store.read(tx -> read(tx, messageId, false).map(Row::state));
  }

  /** A reconciliation row: the state, and who holds it until when. */
  private record Row(CheckState state, Optional<Instant> leaseUntil) {}

  private static Optional<Row> read(JdbcTransaction tx, String messageId, boolean lock) {
    List<Row> found = new ArrayList<>();
    tx.query(
        "SELECT message_id, basis, checks, next_check_at, lease_until, last_checked_at, last_outcome "
            + "FROM reconciliation WHERE message_id = ?"
            + (lock ? " FOR UPDATE" : ""),
        ps -> ps.setString(1, messageId),
        rs ->
            found.add(
                new Row(
                    new CheckState(
                        rs.getString("message_id"),
                        Sql.instant(rs, "basis"),
                        rs.getInt("checks"),
                        Sql.optionalInstant(rs, "next_check_at"),
                        Sql.optionalInstant(rs, "last_checked_at"),
                        Sql.optionalText(rs, "last_outcome")),
                    Sql.optionalInstant(rs, "lease_until"))));
    return found.stream().findFirst();
  }
}

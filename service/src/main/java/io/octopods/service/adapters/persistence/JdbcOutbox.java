package io.octopods.service.adapters.persistence;

import io.octopods.service.application.ports.Outbox;
import io.octopods.service.application.ports.OutboxItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox table: items are claimed with a lease by a conditional update, so two instances never
 * take the same one.
 */
public final class JdbcOutbox implements Outbox {
  private final JdbcMessageStore store;

  public JdbcOutbox(JdbcMessageStore store) {
    this.store = store;
  }

  @Override
  public List<OutboxItem> claimDue(String kind, Instant now, int limit, Instant leaseUntil) {
    return store.bookkeeping(
        tx -> {
          List<OutboxItem> due = new ArrayList<>();
          tx.query(
              "SELECT seq, kind, message_id, payload, due_at, attempts FROM outbox WHERE kind = ? AND done_at IS NULL "
                  + "AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY kind, done_at, due_at, seq LIMIT ?",
              ps -> {
                ps.setString(1, kind);
                Sql.instant(ps, 2, now);
                Sql.instant(ps, 3, now);
                ps.setInt(4, limit);
              },
              rs ->
                  due.add(
                      new OutboxItem(
                          rs.getLong("seq"),
                          rs.getString("kind"),
                          rs.getString("message_id"),
                          rs.getString("payload"),
                          Sql.instant(rs, "due_at"),
                          rs.getInt("attempts"))));
          List<OutboxItem> claimed = new ArrayList<>();
          for (OutboxItem item : due) {
            int[] updated = new int[1];
            tx.query(
                "SELECT seq FROM outbox WHERE seq = ? AND (lease_until IS NULL OR lease_until < ?) FOR UPDATE",
                ps -> {
                  ps.setLong(1, item.seq());
                  Sql.instant(ps, 2, now);
                },
                rs -> updated[0]++);
            if (updated[0] == 1) {
              tx.run(
                  "UPDATE outbox SET lease_until = ? WHERE seq = ?",
                  ps -> {
                    Sql.instant(ps, 1, leaseUntil);
                    ps.setLong(2, item.seq());
                  });
              claimed.add(item);
            }
          }
          return claimed;
        });
  }

  @Override
  public void complete(long seq) {
    store.bookkeeping(
        tx -> {
          tx.run(
              "UPDATE outbox SET done_at = ?, lease_until = NULL WHERE seq = ?",
              ps -> {
                Sql.instant(ps, 1, Instant.now());
                ps.setLong(2, seq);
              });
          return null;
        });
  }

  @Override
  public void reschedule(long seq, Instant dueAt, int attempts, String lastError) {
    store.bookkeeping(
        tx -> {
          tx.run(
              "UPDATE outbox SET due_at = ?, attempts = ?, last_error = ?, lease_until = NULL WHERE seq = ?",
              ps -> {
                Sql.instant(ps, 1, dueAt);
                ps.setInt(2, attempts);
                ps.setString(
                    3,
                    lastError == null || lastError.length() < 2000
                        ? lastError
                        : lastError.substring(0, 2000));
                ps.setLong(4, seq);
              });
          return null;
        });
  }
}

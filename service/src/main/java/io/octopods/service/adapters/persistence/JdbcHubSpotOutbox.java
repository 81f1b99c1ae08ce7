package io.octopods.service.adapters.persistence;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.PublicChange;
import io.octopods.service.application.ports.HubSpotOutbox;
import io.octopods.service.application.ports.OutboxItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link HubSpotOutbox} on the {@code outbox} table (PostgreSQL or the embedded H2, the same SQL).
 * A head is a pending item (not done, not a dead letter) with no older pending item of the same
 * message; a claim locks the heads it reads ({@code FOR UPDATE SKIP LOCKED}: what another instance
 * is claiming is passed over) and leases them in one statement, so two instances never take the
 * same item, and an item whose pusher died is taken again when its lease runs out. Per message,
 * outbox order is status order: every item of a message is enqueued in a transaction that holds the
 * message's row, so a later status always gets a higher {@code seq}.
 *
 * <p>Leases, done marks, retries and dead letters are bookkeeping, committed without waiting for
 * the disk: a mark lost in a crash means the event is pushed again, which HubSpot's event id makes
 * harmless.
 */
public final class JdbcHubSpotOutbox implements HubSpotOutbox {
  static final String HEADS =
      "SELECT o.seq, o.kind, o.message_id, o.payload, o.due_at, o.attempts FROM outbox o "
          + "WHERE o.kind = 'hubspot' AND o.done_at IS NULL AND o.dead_at IS NULL AND o.due_at <= ? "
          + "AND (o.lease_until IS NULL OR o.lease_until < ?) "
          + "AND o.seq = (SELECT MIN(e.seq) FROM outbox e WHERE e.kind = o.kind AND e.message_id = o.message_id "
          + "AND e.done_at IS NULL AND e.dead_at IS NULL) "
          + "ORDER BY o.kind, o.done_at, o.due_at, o.seq LIMIT ? " // the columns of index
          // outbox_due: no sort (V4)
          + "FOR UPDATE SKIP LOCKED";
  private static final String LEASE = "UPDATE outbox SET lease_until = ? WHERE seq = ANY(?)";
  private static final String DONE =
      "UPDATE outbox SET done_at = ?, lease_until = NULL WHERE seq = ANY(?)";
  private static final String RETRY =
      "UPDATE outbox SET due_at = ?, attempts = ?, last_error = ?, lease_until = NULL "
          + "WHERE seq = ?";
  private static final String DEAD =
      "UPDATE outbox SET dead_at = ?, dead_status = ?, dead_body = ?, attempts = ?, "
          + "last_error = ?, lease_until = NULL WHERE seq = ?";
  private static final String DEAD_OF_WORKSPACE =
      " FROM outbox o JOIN message m ON m.message_id = o.message_id "
          + "WHERE o.kind = 'hubspot' AND o.done_at IS NULL AND o.dead_at IS NOT NULL AND m.workspace = ?";
  private static final Pattern EVENT_ID = Pattern.compile("(.+)-([A-Z]+)");
  private static final int LAST_ERROR_LENGTH = 2000;

  private final JdbcMessageStore store;

  public JdbcHubSpotOutbox(JdbcMessageStore store) {
    this.store = store;
  }

  @Override
  public List<Claimed> claimHeads(Instant now, int limit, Instant leaseUntil) {
    if (limit < 1) {
      return List.of();
    }
    return store.bookkeeping(
        tx -> {
          List<OutboxItem> claimed = new ArrayList<>();
          tx.query(
              HEADS,
              ps -> {
                Sql.instant(ps, 1, now);
                Sql.instant(ps, 2, now);
                ps.setInt(3, limit);
              },
              rs ->
                  claimed.add(
                      new OutboxItem(
                          rs.getLong("seq"),
                          rs.getString("kind"),
                          rs.getString("message_id"),
                          rs.getString("payload"),
                          Sql.instant(rs, "due_at"),
                          rs.getInt("attempts"))));
          if (claimed.isEmpty()) {
            return List.<Claimed>of();
          }
          tx.run(
              LEASE,
              ps -> {
                Sql.instant(ps, 1, leaseUntil);
                ps.setArray(2, tx.bigints(claimed.stream().map(OutboxItem::seq).toList()));
              });
          Map<String, MessageRecord> messages = messages(tx, claimed);
          return claimed.stream()
              .map(item -> new Claimed(item, Optional.ofNullable(messages.get(item.messageId()))))
              .toList();
        });
  }

  private static Map<String, MessageRecord> messages(JdbcTransaction tx, List<OutboxItem> items) {
    Map<String, MessageRecord> found = new HashMap<>();
    List<String> ids = items.stream().map(OutboxItem::messageId).distinct().toList();
    if (!ids.isEmpty()) {
      tx.query(
          "SELECT "
              + MessageRows.COLUMNS
              + " FROM message WHERE message_id IN ("
              + JdbcTransaction.marks(ids.size())
              + ")",
          ps -> {
            for (int i = 0; i < ids.size(); i++) {
              ps.setString(i + 1, ids.get(i));
            }
          },
          rs -> {
            MessageRecord m = MessageRows.read(rs);
            found.put(m.messageId(), m);
          });
    }
    return found;
  }

  @Override
  public void settle(Settlement s) {
    if (s.isEmpty()) {
      return;
    }
    store.bookkeeping(
        tx -> {
          if (!s.done().isEmpty()) {
            tx.run(
                DONE,
                ps -> {
                  Sql.instant(ps, 1, s.at());
                  ps.setArray(2, tx.bigints(s.done()));
                });
          }
          tx.runBatch(
              RETRY,
              s.retries(),
              (ps, r) -> {
                Sql.instant(ps, 1, r.dueAt());
                ps.setInt(2, r.attempts());
                ps.setString(3, clip(r.why()));
                ps.setLong(4, r.seq());
              });
          tx.runBatch(
              DEAD,
              s.refusals(),
              (ps, r) -> {
                Sql.instant(ps, 1, s.at());
                ps.setInt(2, r.httpStatus());
                ps.setString(3, r.hubspotBody());
                ps.setInt(4, r.attempts());
                ps.setString(5, clip(r.history().detail().orElse("refused by HubSpot")));
                ps.setLong(6, r.seq());
              });
          s.refusals().forEach(r -> tx.append(r.history()));
          return null;
        });
  }

  @Override
  public List<DeadLetter> deadLetters(String workspace, int limit) {
    return store.read(
        tx -> {
          List<DeadLetter> found = new ArrayList<>();
          tx.query(
              "SELECT o.message_id, o.payload, o.dead_status, o.dead_body, o.dead_at"
                  + DEAD_OF_WORKSPACE
                  + " ORDER BY o.dead_at, o.seq LIMIT ?",
              ps -> {
                ps.setString(1, workspace);
                ps.setInt(2, limit);
              },
              rs -> {
                String messageId = rs.getString("message_id");
                Optional<PublicChange> change = PublicChange.parse(rs.getString("payload"));
                if (change.isPresent()) {
                  found.add(
                      new DeadLetter(
                          messageId + "-" + change.get().status().name(),
                          messageId,
                          change.get(),
                          rs.getInt("dead_status"),
                          rs.getString("dead_body"),
                          Sql.instant(rs, "dead_at")));
                }
              });
          return found;
        });
  }

  @Override
  public int requeue(String workspace, Optional<String> eventId, Instant now) {
    Optional<Matcher> one = eventId.map(EVENT_ID::matcher).filter(Matcher::matches);
    if (eventId.isPresent() && one.isEmpty()) {
      return 0;
    }
    String which = one.isEmpty() ? "" : " AND o.message_id = ? AND o.payload LIKE ?";
    return store.bookkeeping(
        tx -> {
          List<Long> seqs = new ArrayList<>();
          tx.query(
              "SELECT o.seq" + DEAD_OF_WORKSPACE + which + " ORDER BY o.seq",
              ps -> {
                ps.setString(1, workspace);
                if (one.isPresent()) {
                  ps.setString(2, one.get().group(1));
                  ps.setString(3, one.get().group(2) + " %");
                }
              },
              rs -> seqs.add(rs.getLong("seq")));
          tx.runBatch(
              "UPDATE outbox SET dead_at = NULL, dead_status = NULL, dead_body = NULL, due_at = ?, attempts = 0, "
                  + "lease_until = NULL WHERE seq = ? AND dead_at IS NOT NULL",
              seqs,
              (ps, seq) -> {
                Sql.instant(ps, 1, now);
                ps.setLong(2, seq);
              });
          if (!seqs.isEmpty()) {
            tx.queued(OutboxItem.HUBSPOT);
          }
          return seqs.size();
        });
  }

  private static String clip(String text) {
    return text == null || text.length() <= LAST_ERROR_LENGTH
        ? text
        : text.substring(0, LAST_ERROR_LENGTH);
  }

  @Override
  public String toString() {
    return "JdbcHubSpotOutbox";
  }
}

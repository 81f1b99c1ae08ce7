package io.octopods.service.adapters.persistence;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.StoreTransaction;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Reason;
import io.octopods.service.domain.Status;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The store on JDBC: PostgreSQL or the embedded H2, the same SQL. Whoever works off the outbox can
 * be told right after a commit that queued items of its kind ({@link #afterQueuing}), so it need
 * not wait for its next poll.
 */
public final class JdbcMessageStore implements MessageStore {
  private final DataSource dataSource;
  private volatile Consumer<Set<String>> queued = kinds -> {};

  /**
   * The store on the service's database; callers outside persistence need not see its JDBC pool.
   */
  public JdbcMessageStore(Database database) {
    this(database.dataSource());
  }

  public JdbcMessageStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Called after every commit that queued outbox items, with their kinds ({@code handoff}, {@code
   * hubspot}); it runs on the committing thread, so it should only wake a worker.
   */
  public void afterQueuing(Consumer<Set<String>> listener) {
    this.queued = listener;
  }

  @Override
  public <T> T inTransaction(Function<StoreTransaction, T> work) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StorageUnavailable("the database cannot be reached: " + e.getMessage(), e);
    }
    try (connection) {
      connection.setAutoCommit(false);
      try (JdbcTransaction tx = new JdbcTransaction(connection)) {
        T result = work.apply(tx);
        tx.flush();
        connection.commit();
        if (!tx.queuedKinds().isEmpty()) {
          queued.accept(Set.copyOf(tx.queuedKinds()));
        }
        return result;
      } catch (JdbcTransaction.JdbcFailure e) {
        rollback(connection);
        if (Sql.isUniqueViolation(e.sql())
            && String.valueOf(e.sql().getMessage()).toLowerCase().contains("idempotent")) {
          throw new IdempotencyKeyTaken();
        }
        throw new StorageUnavailable("the database failed: " + e.sql().getMessage(), e.sql());
      } catch (SQLException e) {
        rollback(connection);
        throw new StorageUnavailable("the commit failed: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        rollback(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageUnavailable("the database failed: " + e.getMessage(), e);
    }
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; nothing was committed
    }
  }

  @Override
  public Optional<MessageRecord> find(String workspace, String messageId) {
    return read(
        tx -> {
          List<MessageRecord> found = new ArrayList<>();
          tx.query(
              "SELECT "
                  + MessageRows.COLUMNS
                  + " FROM message WHERE message_id = ? AND workspace = ?",
              ps -> {
                ps.setString(1, messageId);
                ps.setString(2, workspace);
              },
              rs -> found.add(MessageRows.read(rs)));
          return found.stream().findFirst();
        });
  }

  @Override
  public MessagePage list(
      String workspace,
      Channel channel,
      Optional<Status> status,
      int limit,
      Optional<String> cursor) {
    Optional<String[]> after = cursor.map(JdbcMessageStore::decodeCursor);
    List<String> statuses =
        status
            .map(
                s ->
                    s == Status.UNKNOWN
                        ? List.of(Status.UNKNOWN.name(), Status.QUEUED.name())
                        : List.of(s.name()))
            .orElse(List.of());
    String sql =
        "SELECT "
            + MessageRows.COLUMNS
            + " FROM message WHERE workspace = ? AND channel = ?"
            + (statuses.isEmpty()
                ? ""
                : " AND status IN ("
                    + String.join(", ", statuses.stream().map(s -> "?").toList())
                    + ")")
            + (after.isEmpty()
                ? ""
                : " AND (created_at < ? OR (created_at = ? AND message_id < ?))")
            + " ORDER BY created_at DESC, message_id DESC LIMIT ?";
    List<MessageRecord> rows =
        read(
            tx -> {
              List<MessageRecord> found = new ArrayList<>();
              tx.query(
                  sql,
                  ps -> {
                    int i = 1;
                    ps.setString(i++, workspace);
                    ps.setString(i++, channel.path());
                    for (String s : statuses) {
                      ps.setString(i++, s);
                    }
                    if (after.isPresent()) {
                      Instant at = Instant.ofEpochMilli(Long.parseLong(after.get()[0]));
                      Sql.instant(ps, i++, at);
                      Sql.instant(ps, i++, at);
                      ps.setString(i++, after.get()[1]);
                    }
                    ps.setInt(i, limit + 1);
                  },
                  rs -> found.add(MessageRows.read(rs)));
              return found;
            });
    if (rows.size() <= limit) {
      return new MessagePage(rows, Optional.empty());
    }
    MessageRecord last = rows.get(limit - 1);
    return new MessagePage(rows.subList(0, limit), Optional.of(encodeCursor(last)));
  }

  static String encodeCursor(MessageRecord last) {
    String raw = last.createdAt().toEpochMilli() + "|" + last.messageId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Throws {@link IllegalArgumentException} for a cursor this store did not write. */
  static String[] decodeCursor(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
      long millis = Long.parseLong(parts[0]);
      if (millis < 0
          || millis > 32503680000000L) { // before 1970 or after the year 3000: not one of ours
        throw new IllegalArgumentException();
      }
      if (parts.length != 2) {
        throw new IllegalArgumentException();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a cursor of this API: pass next_cursor from the previous page as it is");
    }
  }

  @Override
  public List<HistoryEvent> history(String messageId) {
    return read(
        tx -> {
          List<HistoryEvent> events = new ArrayList<>();
          tx.query(
              "SELECT * FROM history WHERE message_id = ? ORDER BY seq",
              ps -> ps.setString(1, messageId),
              rs ->
                  events.add(
                      new HistoryEvent(
                          rs.getString("event_id"),
                          messageId,
                          Sql.instant(rs, "received_at"),
                          Sql.optionalInstant(rs, "applied_at"),
                          rs.getString("source"),
                          Sql.optionalText(rs, "provider_status"),
                          Sql.optionalInstant(rs, "provider_timestamp"),
                          Sql.optionalText(rs, "mapped_status").map(Status::valueOf),
                          rs.getBoolean("applied"),
                          Sql.optionalText(rs, "reason").map(r -> Reason.valueOf(r.toUpperCase())),
                          Sql.optionalText(rs, "error_code"),
                          Sql.optionalText(rs, "error_title"),
                          Sql.optionalText(rs, "detail"),
                          rs.getString("raw_payload"))));
          return events;
        });
  }

  @Override
  public Map<String, List<String>> otherProviderIds(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    List<String> ids = List.copyOf(messageIds);
    return read(
        tx -> {
          Map<String, List<String>> others = new HashMap<>();
          tx.query(
              "SELECT message_id, provider_message_id FROM message_provider_id WHERE message_id IN ("
                  + JdbcTransaction.marks(ids.size())
                  + ") ORDER BY learned_at, provider_message_id",
              ps -> {
                for (int i = 0; i < ids.size(); i++) {
                  ps.setString(i + 1, ids.get(i));
                }
              },
              rs ->
                  others
                      .computeIfAbsent(rs.getString("message_id"), k -> new ArrayList<>())
                      .add(rs.getString("provider_message_id")));
          return others;
        });
  }

  @Override
  public Optional<IdempotentAnswer> idempotentAnswer(String workspace, String key) {
    return read(
        tx -> {
          List<IdempotentAnswer> found = new ArrayList<>();
          tx.query(
              "SELECT * FROM idempotent_answer WHERE workspace = ? AND idempotency_key = ?",
              ps -> {
                ps.setString(1, workspace);
                ps.setString(2, key);
              },
              rs ->
                  found.add(
                      new IdempotentAnswer(
                          rs.getString("request_hash"),
                          rs.getInt("status"),
                          rs.getString("body"),
                          rs.getString("message_id"))));
          return found.stream().findFirst();
        });
  }

  @Override
  public PendingCounts pending() {
    return read(
        tx -> {
          long[] counts = new long[4]; // handoff, hubspot, orphans, hubspot dead letters
          tx.query(
              "SELECT kind, CASE WHEN dead_at IS NULL THEN 0 ELSE 1 END AS dead, COUNT(*) AS n FROM outbox "
                  + "WHERE done_at IS NULL GROUP BY kind, CASE WHEN dead_at IS NULL THEN 0 ELSE 1 END",
              ps -> {},
              rs ->
                  counts[
                          rs.getInt("dead") == 1
                              ? 3
                              : "hubspot".equals(rs.getString("kind")) ? 1 : 0] +=
                      rs.getLong("n"));
          tx.query(
              "SELECT COUNT(*) AS n FROM orphan WHERE adopted_at IS NULL",
              ps -> {},
              rs -> counts[2] = rs.getLong("n"));
          return new PendingCounts(counts[0], counts[1], counts[2], counts[3]);
        });
  }

  /**
   * Deletes the orphan reports received before {@code before}, adopted or not (an adopted one is in
   * its message's history already); answers how many.
   */
  public int purgeOrphans(Instant before) {
    return read(
        tx -> tx.run("DELETE FROM orphan WHERE received_at < ?", ps -> Sql.instant(ps, 1, before)));
  }

  <T> T read(Function<JdbcTransaction, T> query) {
    return inTransaction(tx -> query.apply((JdbcTransaction) tx));
  }

  /**
   * Outbox bookkeeping: committed without waiting for the disk ({@link
   * Database#commitWithoutWaitingForDisk}).
   */
  <T> T bookkeeping(Function<JdbcTransaction, T> work) {
    return inTransaction(
        tx -> {
          JdbcTransaction t = (JdbcTransaction) tx;
          t.commitWithoutWaitingForDisk();
          return work.apply(t);
        });
  }
}

package io.octopods.service.adapters.persistence;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore.IdempotentAnswer;
import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.application.ports.StoreTransaction;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Reason;
import io.octopods.service.domain.Status;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One JDBC transaction of the store; rows are locked with {@code SELECT ... FOR UPDATE}. A locked
 * message is read once ({@link LockedMessages}); changes to messages, history events and outbox
 * items are sent as batches just before the commit ({@link #flush()}): nothing in a transaction
 * reads them back by SQL, and a group of reports then costs a few round trips instead of several
 * per report.
 */
final class JdbcTransaction implements StoreTransaction, AutoCloseable {
  private static final String INSERT_HISTORY =
      "INSERT INTO history (event_id, message_id, received_at, applied_at, "
          + "source, provider_status, provider_timestamp, mapped_status, applied, reason, error_code, error_title, "
          + "detail, raw_payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_OUTBOX =
      "INSERT INTO outbox (kind, message_id, payload, due_at, attempts) VALUES (?, ?, ?, ?, ?)";

  /** Far below PostgreSQL's 32,767 parameters of one statement. */
  private static final int MAX_LOCKED_AT_ONCE = 2_000;

  private final Connection connection;
  private final LockedMessages locked = new LockedMessages();
  private final Set<String> queuedKinds = new HashSet<>();
  private PreparedStatement history;
  private PreparedStatement outbox;

  JdbcTransaction(Connection connection) {
    this.connection = connection;
  }

  void commitWithoutWaitingForDisk() {
    try {
      Database.commitWithoutWaitingForDisk(connection);
    } catch (SQLException e) {
      throw new JdbcFailure(e);
    }
  }

  /** Sends the batched writes; called before the commit. */
  void flush() throws SQLException {
    var changes = locked.takeUnwritten();
    if (!changes.isEmpty()) {
      try (PreparedStatement ps = connection.prepareStatement(MessageRows.updateSql())) {
        for (MessageRecord m : changes) {
          MessageRows.bindUpdate(ps, m);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (history != null) {
      history.executeBatch();
    }
    if (outbox != null) {
      outbox.executeBatch();
    }
  }

  @Override
  public void close() throws SQLException {
    try (PreparedStatement historyBatch = history;
        PreparedStatement outboxBatch = outbox) {
      history = null;
      outbox = null;
    }
  }

  @Override
  public void insert(MessageRecord message) {
    run(MessageRows.insertSql(), ps -> MessageRows.bindInsert(ps, message));
    locked.held(message);
  }

  @Override
  public Optional<MessageRecord> read(String messageId) {
    Optional<MessageRecord> held =
        locked.byId(messageId); // as this transaction changed it, not yet written
    return held.isPresent()
        ? held
        : one(
            "SELECT " + MessageRows.COLUMNS + " FROM message WHERE message_id = ?",
            ps -> ps.setString(1, messageId));
  }

  @Override
  public Optional<MessageRecord> lock(String messageId) {
    Optional<MessageRecord> held = locked.byId(messageId);
    if (held.isPresent()) {
      return held;
    }
    return holding(
        one(
            "SELECT " + MessageRows.COLUMNS + " FROM message WHERE message_id = ? FOR UPDATE",
            ps -> ps.setString(1, messageId)));
  }

  private Optional<MessageRecord> holding(Optional<MessageRecord> found) {
    found.ifPresent(locked::held);
    return found;
  }

  @Override
  public void lockInOrder(Set<String> messageIds, Map<String, Set<String>> providerMessageIds) {
    List<String> where = new ArrayList<>();
    List<String> values = new ArrayList<>();
    if (!messageIds.isEmpty()) {
      where.add("message_id IN (" + marks(messageIds.size()) + ")");
      values.addAll(messageIds);
    }
    providerMessageIds.forEach(
        (provider, ids) -> {
          if (!ids.isEmpty()) {
            where.add("(provider = ? AND provider_message_id IN (" + marks(ids.size()) + "))");
            values.add(provider);
            values.addAll(ids);
            where.add(
                "message_id IN (SELECT a.message_id FROM message_provider_id a WHERE a.provider = ? "
                    + "AND a.provider_message_id IN ("
                    + marks(ids.size())
                    + "))");
            values.add(provider);
            values.addAll(ids);
          }
        });
    if (where.isEmpty() || values.size() > MAX_LOCKED_AT_ONCE) {
      return; // a huge batch locks message by message, as it goes; a deadlock then only reruns its
      // group
    }
    query(
        "SELECT "
            + MessageRows.COLUMNS
            + " FROM message WHERE "
            + String.join(" OR ", where)
            + " ORDER BY message_id FOR UPDATE",
        ps -> {
          for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
          }
        },
        rs -> locked.held(MessageRows.read(rs)));
  }

  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  @Override
  public Optional<MessageRecord> lockByProviderId(Channel channel, String providerMessageId) {
    Optional<MessageRecord> held = locked.byProviderId(channel.provider(), providerMessageId);
    if (held.isPresent()) {
      return held;
    }
    Optional<MessageRecord> first =
        holding(
            one(
                "SELECT "
                    + MessageRows.COLUMNS
                    + " FROM message WHERE provider = ? "
                    + "AND provider_message_id = ? FOR UPDATE",
                ps -> {
                  ps.setString(1, channel.provider());
                  ps.setString(2, providerMessageId);
                }));
    if (first.isPresent()) {
      return first;
    }
    List<String> holders = new ArrayList<>();
    query(
        "SELECT message_id FROM message_provider_id WHERE provider = ? AND provider_message_id = ?",
        ps -> {
          ps.setString(1, channel.provider());
          ps.setString(2, providerMessageId);
        },
        rs -> holders.add(rs.getString("message_id")));
    return holders.isEmpty() ? Optional.empty() : lock(holders.get(0));
  }

  @Override
  public void addOtherProviderId(
      MessageRecord message, String providerMessageId, Instant learnedAt) {
    run(
        "INSERT INTO message_provider_id (provider, provider_message_id, message_id, learned_at) VALUES (?, ?, ?, ?)",
        ps -> {
          ps.setString(1, message.provider());
          ps.setString(2, providerMessageId);
          ps.setString(3, message.messageId());
          Sql.instant(ps, 4, learnedAt);
        });
  }

  @Override
  public void update(MessageRecord message) {
    locked.changed(message);
  }

  @Override
  public void append(HistoryEvent event) {
    history =
        batch(
            history,
            INSERT_HISTORY,
            ps -> {
              ps.setString(1, event.eventId());
              ps.setString(2, event.messageId());
              Sql.instant(ps, 3, event.receivedAt());
              Sql.instant(ps, 4, event.appliedAt());
              ps.setString(5, event.source());
              Sql.text(ps, 6, event.providerStatus());
              Sql.instant(ps, 7, event.providerTimestamp());
              ps.setString(8, event.mappedStatus().map(Status::publicName).orElse(null));
              ps.setBoolean(9, event.applied());
              ps.setString(10, event.reason().map(Reason::word).orElse(null));
              Sql.text(ps, 11, event.errorCode());
              Sql.text(ps, 12, event.errorTitle());
              Sql.text(ps, 13, event.detail());
              ps.setString(14, event.rawPayload());
            });
  }

  @Override
  public void keepOrphan(IncomingReport report, String eventId, Instant receivedAt) {
    run(
        "INSERT INTO orphan (event_id, channel, provider_message_id, our_message_id, provider_status, "
            + "provider_timestamp, error_code, error_title, raw_payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, eventId);
          ps.setString(2, report.channel().path());
          Sql.text(ps, 3, report.providerMessageId());
          Sql.text(
              ps,
              4,
              report.ourMessageId().map(id -> id.length() > 100 ? id.substring(0, 100) : id));
          ps.setString(5, report.providerWord());
          Sql.instant(ps, 6, report.providerTimestamp());
          Sql.text(ps, 7, report.errorCode());
          Sql.text(ps, 8, report.errorTitle());
          ps.setString(9, report.rawPayload());
          Sql.instant(ps, 10, receivedAt);
        });
  }

  @Override
  public List<Orphan> adoptOrphans(Channel channel, String providerMessageId, Instant adoptedAt) {
    List<Orphan> orphans = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    query(
        "SELECT * FROM orphan WHERE channel = ? AND provider_message_id = ? AND adopted_at IS NULL "
            + "ORDER BY seq FOR UPDATE",
        ps -> {
          ps.setString(1, channel.path());
          ps.setString(2, providerMessageId);
        },
        rs -> {
          seqs.add(rs.getLong("seq"));
          orphans.add(
              new Orphan(
                  rs.getString("event_id"),
                  new IncomingReport(
                      channel,
                      Optional.of(providerMessageId),
                      Sql.optionalText(rs, "our_message_id"),
                      rs.getString("provider_status"),
                      Sql.optionalInstant(rs, "provider_timestamp"),
                      Sql.optionalText(rs, "error_code"),
                      Sql.optionalText(rs, "error_title"),
                      rs.getString("raw_payload")),
                  Sql.instant(rs, "received_at")));
        });
    for (long seq : seqs) {
      run(
          "UPDATE orphan SET adopted_at = ? WHERE seq = ?",
          ps -> {
            Sql.instant(ps, 1, adoptedAt);
            ps.setLong(2, seq);
          });
    }
    return orphans;
  }

  /** The kinds of outbox items this transaction queued. */
  Set<String> queuedKinds() {
    return queuedKinds;
  }

  /** Notes work of a kind queued other than by {@link #enqueue} (items made due again). */
  void queued(String kind) {
    queuedKinds.add(kind);
  }

  @Override
  public void enqueue(OutboxItem item) {
    queuedKinds.add(item.kind());
    outbox =
        batch(
            outbox,
            INSERT_OUTBOX,
            ps -> {
              ps.setString(1, item.kind());
              ps.setString(2, item.messageId());
              ps.setString(3, item.payload());
              Sql.instant(ps, 4, item.dueAt());
              ps.setInt(5, item.attempts());
            });
  }

  @Override
  public void rememberAnswer(String workspace, String key, IdempotentAnswer answer) {
    run(
        "INSERT INTO idempotent_answer (workspace, idempotency_key, request_hash, status, body, message_id) "
            + "VALUES (?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, workspace);
          ps.setString(2, key);
          ps.setString(3, answer.requestHash());
          ps.setInt(4, answer.status());
          ps.setString(5, answer.body());
          ps.setString(6, answer.messageId());
        });
  }

  private PreparedStatement batch(PreparedStatement open, String sql, Binder binder) {
    try {
      PreparedStatement ps = open != null ? open : connection.prepareStatement(sql);
      binder.bind(ps);
      ps.addBatch();
      return ps;
    } catch (SQLException e) {
      throw new JdbcFailure(e);
    }
  }

  private Optional<MessageRecord> one(String sql, Binder binder) {
    List<MessageRecord> found = new ArrayList<>();
    query(sql, binder, rs -> found.add(MessageRows.read(rs)));
    return found.stream().findFirst();
  }

  /** A SQL array of {@code BIGINT}s, for {@code = ANY(?)}: one statement for many rows. */
  Array bigints(Collection<Long> values) {
    try {
      return connection.createArrayOf("BIGINT", values.toArray(new Long[0]));
    } catch (SQLException e) {
      throw new JdbcFailure(e);
    }
  }

  /** Runs one statement per item as a batch; answers how many rows each changed. */
  <T> int[] runBatch(String sql, Collection<T> items, ItemBinder<T> binder) {
    if (items.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (T item : items) {
        binder.bind(ps, item);
        ps.addBatch();
      }
      return ps.executeBatch();
    } catch (SQLException e) {
      throw new JdbcFailure(e);
    }
  }

  /** Runs one statement; answers how many rows it changed. */
  int run(String sql, Binder binder) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new JdbcFailure(e);
    }
  }

  void query(String sql, Binder binder, RowReader reader) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new JdbcFailure(e);
    }
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Sets a statement's parameters for one item of a batch. */
  @FunctionalInterface
  interface ItemBinder<T> {
    void bind(PreparedStatement ps, T item) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * A SQL failure inside a transaction, carried out of the lambda to the store, which rolls back.
   */
  static final class JdbcFailure extends RuntimeException {
    JdbcFailure(SQLException cause) {
      super(cause);
    }

    SQLException sql() {
      return (SQLException) getCause();
    }
  }
}

package io.octopods.features.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's own ceiling: on copies of our tables ({@code LIKE message/history/outbox INCLUDING ALL}, the
 * history's foreign key too), {@code connections} JDBC connections with {@code synchronous_commit = on} each run
 * transactions that do what our path does for one report: the conditional status update
 * ({@code ... WHERE message_id = ? AND rank < ?}), the history insert and the outbox insert, then commit.
 */
final class CeilingLoop {
  private static final String RANK = "(CASE status WHEN 'QUEUED' THEN 0 WHEN 'UNKNOWN' THEN 1 WHEN 'SENT' THEN 2 "
      + "WHEN 'DELIVERED' THEN 3 WHEN 'FAILED' THEN 3 WHEN 'READ' THEN 4 ELSE 5 END)";
  private static final String[] WORDS = {"sent", "delivered", "read"};
  private static final String[] STATUSES = {"SENT", "DELIVERED", "READ"};
  private static final String RAW = "{\"id\":\"wamid.HBgLMTU1NTEyMzAwMDEVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA\","
      + "\"status\":\"delivered\",\"timestamp\":\"1764150000\",\"recipient_id\":\"15551230001\","
      + "\"biz_opaque_callback_data\":\"3f1c0e4e-0000-4000-8000-000000000000\",\"bench_report\":\"x\"}";

  private final BenchStore store;

  CeilingLoop(BenchStore store) {
    this.store = store;
  }

  /** Copies the message rows into the ceiling's tables. */
  int prepare() throws SQLException {
    try (Connection c = store.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ceiling_message (LIKE message INCLUDING ALL)");
      s.execute("CREATE TABLE ceiling_history (LIKE history INCLUDING ALL)");
      s.execute("ALTER TABLE ceiling_history ADD FOREIGN KEY (message_id) REFERENCES ceiling_message (message_id)");
      s.execute("CREATE TABLE ceiling_outbox (LIKE outbox INCLUDING ALL)");
      int n = s.executeUpdate("INSERT INTO ceiling_message SELECT * FROM message");
      s.execute("ANALYZE ceiling_message");
      return n;
    }
  }

  /** Transactions per second over {@code seconds}, after {@code warmSeconds} not counted. */
  double measure(int connections, double warmSeconds, double seconds) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = store.connect(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT message_id FROM ceiling_message ORDER BY message_id")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    AtomicLong next = new AtomicLong();
    AtomicLong counted = new AtomicLong();
    AtomicLong applied = new AtomicLong();
    long start = System.nanoTime();
    CpuMeter[] cpu = new CpuMeter[1];
    long countFrom = start + (long) (warmSeconds * 1e9);
    long end = countFrom + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    List<Exception> errors = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      Thread thread = new Thread(() -> {
        try (Connection c = store.connect()) {
          loop(c, ids, next, end, countFrom, counted, applied);
        } catch (Exception e) {
          synchronized (errors) {
            errors.add(e);
          }
        }
      }, "bench-ceiling-" + t);
      thread.start();
      threads.add(thread);
    }
    Thread.sleep((long) (warmSeconds * 1000));
    cpu[0] = CpuMeter.start();
    for (Thread thread : threads) {
      thread.join();
    }
    String cpuLine = cpu[0].since(counted.get()).replace("per callback", "per transaction");
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
    double rate = counted.get() / seconds;
    BenchLog.say(String.format(Locale.ROOT, "ceiling: %d connections, synchronous_commit=on: %d transactions in %.1f s "
        + "= %.0f/s (%d of them changed the status); %s", connections, counted.get(), seconds, rate, applied.get(),
        cpuLine));
    return rate;
  }

  private static void loop(Connection c, List<String> ids, AtomicLong next, long end, long countFrom,
      AtomicLong counted, AtomicLong applied) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET synchronous_commit = on");
    }
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    try (PreparedStatement update = c.prepareStatement("UPDATE ceiling_message SET status = ?, updated_at = ?, "
        + "reached_sent = COALESCE(reached_sent, ?) WHERE message_id = ? AND " + RANK + " < ?");
        PreparedStatement history = c.prepareStatement("INSERT INTO ceiling_history (event_id, message_id, "
            + "received_at, applied_at, source, provider_status, provider_timestamp, mapped_status, applied, reason, "
            + "error_code, error_title, detail, raw_payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement outbox = c.prepareStatement("INSERT INTO ceiling_outbox (kind, message_id, payload, "
            + "due_at, attempts) VALUES (?, ?, ?, ?, ?)")) {
      long now;
      while ((now = System.nanoTime()) < end) {
        long i = next.getAndIncrement();
        String id = ids.get((int) (i % ids.size()));
        int step = (int) Math.min(2, i / ids.size());
        Timestamp at = new Timestamp(System.currentTimeMillis());
        update.setString(1, STATUSES[step]);
        update.setTimestamp(2, at);
        update.setTimestamp(3, at);
        update.setString(4, id);
        update.setInt(5, step + 2);
        boolean changed = update.executeUpdate() == 1;
        history.setString(1, UUID.randomUUID().toString());
        history.setString(2, id);
        history.setTimestamp(3, at);
        history.setTimestamp(4, null);
        history.setString(5, "callback");
        history.setString(6, WORDS[step]);
        history.setTimestamp(7, at);
        history.setString(8, STATUSES[step]);
        history.setBoolean(9, changed);
        history.setString(10, changed ? null : "stale");
        history.setString(11, null);
        history.setString(12, null);
        history.setString(13, null);
        history.setString(14, RAW);
        history.executeUpdate();
        outbox.setString(1, "hubspot");
        outbox.setString(2, id);
        outbox.setString(3, STATUSES[step] + " " + at.toInstant());
        outbox.setTimestamp(4, at);
        outbox.setInt(5, 0);
        outbox.executeUpdate();
        c.commit();
        if (now >= countFrom) {
          counted.incrementAndGet();
          if (changed) {
            applied.incrementAndGet();
          }
        }
      }
    }
  }
}

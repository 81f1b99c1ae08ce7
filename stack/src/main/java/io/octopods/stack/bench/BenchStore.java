package io.octopods.stack.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Status;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's own PostgreSQL schema: made fresh ({@code currentSchema=}), filled with messages
 * through the service's own store ({@link JdbcMessageStore}, as if each had been sent and handed
 * off), read back for the lost-report check, and dropped at the end. The service's connections
 * carry {@code ApplicationName=<schema>} ({@link #url}); the bench's own carry {@code
 * <schema>-bench}, so a probe can tell them apart.
 */
final class BenchStore {
  private static final Pattern KEY =
      Pattern.compile("(?:\"bench_report\"\\s*:\\s*\"|BenchReport=)([^\"&]+)");

  final String baseUrl;
  final String schema;

  /** The service's URL. */
  final String url;

  private final String benchUrl;

  private BenchStore(String baseUrl, String schema) {
    this.baseUrl = baseUrl;
    this.schema = schema;
    String inSchema = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    this.url = inSchema + "&ApplicationName=" + schema;
    this.benchUrl = inSchema + "&ApplicationName=" + schema + "-bench";
  }

  static BenchStore fresh(String baseUrl) throws SQLException {
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(baseUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return new BenchStore(baseUrl, schema);
  }

  /** A connection of the bench's own. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(benchUrl);
  }

  /**
   * A connection of the bench's own that sends a batch of inserts as one multi-row insert, as the
   * service's do.
   */
  Connection connectBatching() throws SQLException {
    return DriverManager.getConnection(benchUrl + "&reWriteBatchedInserts=true");
  }

  /**
   * Drops the schema, after ending this run's own leftover backends (named by {@code
   * ApplicationName}): a query the service left running when its pool closed would otherwise hold a
   * lock the drop waits for.
   */
  void drop() {
    try (Connection c = DriverManager.getConnection(baseUrl);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT pid, left(query, 60) FROM pg_stat_activity WHERE application_name "
                  + "IN ('"
                  + schema
                  + "', '"
                  + schema
                  + "-bench') AND pid <> pg_backend_pid()")) {
        while (rs.next()) {
          BenchLog.say(
              "ending a leftover backend of this run, pid "
                  + rs.getInt(1)
                  + ": "
                  + rs.getString(2)
                  + "...");
          try (Statement t = c.createStatement()) {
            t.execute("SELECT pg_terminate_backend(" + rs.getInt(1) + ")");
          }
        }
      }
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      BenchLog.say("could not drop schema " + schema + ": " + e.getMessage());
    }
  }

  /**
   * Stores the messages as handed off ({@code UNKNOWN}, provider id known), 500 per transaction, 4
   * at once.
   */
  void insert(List<BenchMessage> messages, String workspace, boolean contacts) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    config.setPoolName("bench-insert");
    try (HikariDataSource ds = new HikariDataSource(config)) {
      JdbcMessageStore store = new JdbcMessageStore(ds);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int from = 0; from < messages.size(); from += 500) {
        List<BenchMessage> chunk = messages.subList(from, Math.min(messages.size(), from + 500));
        done.add(
            pool.submit(
                () ->
                    store.inTransaction(
                        tx -> {
                          Instant now = Instant.now();
                          for (BenchMessage m : chunk) {
                            tx.insert(
                                new MessageRecord(
                                    m.messageId(),
                                    workspace,
                                    m.channel(),
                                    m.to(),
                                    "benchmark message",
                                    contacts
                                        ? Optional.of(
                                            "bench+" + m.to().substring(1) + "@example.com")
                                        : Optional.empty(),
                                    Optional.of(m.providerId()),
                                    Status.UNKNOWN,
                                    now,
                                    now,
                                    Optional.empty(),
                                    Map.of(Status.QUEUED, now, Status.UNKNOWN, now)));
                          }
                          return null;
                        })));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
    }
  }

  /** HubSpot outbox rows ever queued (one per public status change of a message with a contact). */
  long hubspotEventsQueued() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox WHERE kind = 'hubspot'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The report keys found in the history (callback events), and how many history and orphan rows
   * there are.
   */
  record Stored(Set<String> keys, long historyRows, long orphans) {}

  Stored stored() throws SQLException {
    Set<String> keys = new HashSet<>();
    long rows = 0;
    long orphans;
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(5_000);
        try (ResultSet rs =
            s.executeQuery("SELECT raw_payload FROM history WHERE source = 'callback'")) {
          while (rs.next()) {
            rows++;
            Matcher m = KEY.matcher(rs.getString(1));
            while (m.find()) {
              keys.add(
                  java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8));
            }
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orphan")) {
          rs.next();
          orphans = rs.getLong(1);
        }
      }
      c.commit();
    }
    return new Stored(keys, rows, orphans);
  }
}

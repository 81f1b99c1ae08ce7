package io.octopods.service.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database behind the store: PostgreSQL when a URL is given, else an embedded H2 file under the
 * data directory.
 */
public final class Database implements AutoCloseable {
  /** No statement of the service takes near this long; a silent database does. */
  static final int SOCKET_TIMEOUT_SECONDS = 10;

  private final HikariDataSource dataSource;
  private final boolean embedded;

  private Database(HikariDataSource dataSource, boolean embedded) {
    this.dataSource = dataSource;
    this.embedded = embedded;
  }

  /**
   * Opens the pool and brings the schema up to date.
   *
   * @param url a JDBC URL, or empty for the embedded default under {@code dataDir}
   */
  public static Database open(
      Optional<String> url, Optional<String> user, Optional<String> password, Path dataDir) {
    boolean embedded = url.isEmpty();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.orElseGet(() -> embeddedUrl(dataDir)));
    user.ifPresent(config::setUsername);
    password.ifPresent(config::setPassword);
    config.setMaximumPoolSize(embedded ? 8 : 16);
    config.setConnectionTimeout(2_000);
    config.setValidationTimeout(1_000);
    config.setInitializationFailTimeout(10_000);
    config.setPoolName("octopods");
    config.setAutoCommit(true);
    config.setTransactionIsolation(
        "TRANSACTION_READ_COMMITTED"); // once per connection, not once per transaction
    if (!embedded) {
      config.addDataSourceProperty(
          "reWriteBatchedInserts", "true"); // a batch of inserts as one multi-row INSERT
      // a database that stops answering without closing the connection (a dropped route, a frozen
      // server) fails
      // a statement after this long, so a webhook answers 503 and the provider retries, instead of
      // waiting for
      // the operating system's TCP timeout; the URL's own socketTimeout= / tcpKeepAlive= win over
      // these
      config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
      config.addDataSourceProperty("connectTimeout", "5");
      config.addDataSourceProperty("loginTimeout", "5");
      config.addDataSourceProperty("tcpKeepAlive", "true");
    }
    HikariDataSource ds = new HikariDataSource(config);
    Flyway.configure() // its own connections: a migration on a large table may take longer than the
        // socket timeout
        .dataSource(config.getJdbcUrl(), user.orElse(null), password.orElse(null))
        .placeholders(Map.of("text", embedded ? "CLOB" : "TEXT"))
        .load()
        .migrate();
    return new Database(ds, embedded);
  }

  static String embeddedUrl(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("db").resolve("octopods");
    return "jdbc:h2:file:"
        + file
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
  }

  /**
   * Lets the open transaction on {@code connection} commit without waiting for its write to reach
   * the disk (PostgreSQL's {@code synchronous_commit = off} for this transaction; nothing on H2).
   * Only for the outbox's bookkeeping (leases, done marks, retry times), whose loss in a crash
   * means at most a repeated push or hand-off check, which event ids and the hand-off's own check
   * make harmless. Never for a report or a message: a {@code 2xx} means durable.
   */
  public static void commitWithoutWaitingForDisk(Connection connection) throws SQLException {
    if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL synchronous_commit = off");
      }
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean embedded() {
    return embedded;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}

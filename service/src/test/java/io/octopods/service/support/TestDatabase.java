package io.octopods.service.support;

import io.octopods.service.adapters.persistence.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The database a test runs on: the embedded H2 by default; the PostgreSQL of {@code
 * OCTOPODS_TEST_DB_URL} when it is set (each test gets a schema of its own, dropped on close); for
 * tests that need PostgreSQL, a Testcontainers PostgreSQL where Docker runs, else a clean skip.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String URL_VARIABLE = "OCTOPODS_TEST_DB_URL";

  private final Database database;
  private final Optional<Runnable> cleanup;

  private TestDatabase(Database database, Optional<Runnable> cleanup) {
    this.database = database;
    this.cleanup = cleanup;
  }

  /** The embedded H2 under {@code dir}, or PostgreSQL when {@value #URL_VARIABLE} is set. */
  public static TestDatabase open(Path dir) {
    Optional<String> url =
        Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(u -> !u.isBlank());
    return url.map(TestDatabase::freshSchema)
        .orElseGet(
            () ->
                new TestDatabase(
                    Database.open(Optional.empty(), Optional.empty(), Optional.empty(), dir),
                    Optional.empty()));
  }

  /**
   * PostgreSQL only: {@value #URL_VARIABLE}, else Testcontainers where Docker runs, else the test
   * is skipped.
   */
  public static TestDatabase postgres() {
    Optional<String> url =
        Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(u -> !u.isBlank());
    if (url.isPresent()) {
      return freshSchema(url.get());
    }
    Assumptions.assumeTrue(
        DockerPostgres.available(),
        "needs PostgreSQL: set "
            + URL_VARIABLE
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) "
            + "or run where Docker is available for Testcontainers");
    return freshSchema(DockerPostgres.url());
  }

  private static TestDatabase freshSchema(String url) {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(url, "CREATE SCHEMA " + schema);
    String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(
        Database.open(Optional.of(withSchema), Optional.empty(), Optional.empty(), Path.of(".")),
        Optional.of(() -> execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE")));
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
    }
  }

  public Database database() {
    return database;
  }

  public boolean onPostgres() {
    return !database.embedded();
  }

  @Override
  public void close() {
    database.close();
    cleanup.ifPresent(Runnable::run);
  }
}

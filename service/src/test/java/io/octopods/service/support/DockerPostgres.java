package io.octopods.service.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A throw-away PostgreSQL in Docker, started once per test run where Docker is available. */
final class DockerPostgres {
  private static PostgreSQLContainer container;

  private DockerPostgres() {}

  static boolean available() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static synchronized String url() {
    if (container == null) {
      container = new PostgreSQLContainer("postgres:15-alpine");
      container.start();
    }
    return container.getJdbcUrl()
        + "&user="
        + container.getUsername()
        + "&password="
        + container.getPassword();
  }
}

package io.octopods.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octopods.service.adapters.persistence.Database;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.application.ports.MessageStore.StorageUnavailable;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.Messages;
import io.octopods.stack.support.StackUnderTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A database that goes silent (the connection stays open and nothing comes back: a dropped route, a
 * frozen server), on the real PostgreSQL behind an in-test forwarder: a report fails within the
 * store's socket timeout (10 s) with {@code StorageUnavailable}, which the webhooks answer {@code
 * 503} so the provider retries, instead of waiting for the operating system's TCP timeout
 * (minutes); nothing of it is stored, and once the database answers again the same report is
 * stored.
 */
class SilentDatabaseIT {
  private static final Pattern HOST_PORT =
      Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aReportFailsWithinTheSocketTimeoutWhileTheDatabaseIsSilentAndIsStoredAfterwards() {
    String testDb = Faults.requirePostgres();
    Matcher m = HOST_PORT.matcher(testDb);
    Assumptions.assumeThat(m.find() && List.of("127.0.0.1", "localhost").contains(m.group(1)))
        .as("the forwarder runs on loopback in front of a local PostgreSQL; " + testDb)
        .isTrue();
    String schemaUrl = StackUnderTest.freshSchemaUrl(testDb);
    try (TcpProxy proxy = new TcpProxy(m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
        Database db =
            Database.open(
                Optional.of(
                    schemaUrl.replaceFirst(
                        "^jdbc:postgresql://[^/?]+/",
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/")),
                Optional.empty(),
                Optional.empty(),
                Path.of("."))) {
      JdbcMessageStore store = new JdbcMessageStore(db.dataSource());
      ReportIntake intake = new ReportIntake(store, Clock.systemUTC());
      MessageRecord m1 = Messages.sent("w", Channel.WHATSAPP, "wamid.SILENT");
      store.inTransaction(
          tx -> {
            tx.insert(m1);
            return null;
          });

      proxy.silence();
      long t0 = System.nanoTime();
      assertThatThrownBy(
              () ->
                  intake.apply(
                      List.of(Messages.report(Channel.WHATSAPP, "wamid.SILENT", "read")),
                      "callback"))
          .isInstanceOf(StorageUnavailable.class);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(took)
          .as("failed after the socket timeout, not the OS's TCP timeout")
          .isLessThan(Duration.ofSeconds(30));

      proxy.restore();
      intake.apply(List.of(Messages.report(Channel.WHATSAPP, "wamid.SILENT", "read")), "callback");
      assertThat(store.find("w", m1.messageId()).orElseThrow().status()).isEqualTo(Status.READ);
      assertThat(store.history(m1.messageId()))
          .as("only the report stored after the silence")
          .hasSize(1);
      System.out.printf(
          "SilentDatabaseIT: the report failed after %d ms of silence%n", took.toMillis());
    } finally {
      StackUnderTest.dropFreshSchema(schemaUrl);
    }
  }
}

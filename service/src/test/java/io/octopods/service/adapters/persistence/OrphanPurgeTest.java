package io.octopods.service.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.domain.Channel;
import io.octopods.service.support.Messages;
import io.octopods.service.support.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orphan reports are kept for {@code OCTOPODS_ORPHAN_RETENTION} from their arrival, then deleted,
 * adopted or not; an adopted one stays in its message's history. On the embedded H2, or on
 * PostgreSQL when OCTOPODS_TEST_DB_URL is set.
 */
class OrphanPurgeTest {
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(14);

  @TempDir Path dir;
  private TestDatabase db;
  private JdbcMessageStore store;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    store = new JdbcMessageStore(db.database().dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private void arrives(Instant when, String token, Optional<String> ourId) {
    new ReportIntake(store, at(when))
        .apply(
            List.of(
                new IncomingReport(
                    Channel.VIBER,
                    Optional.of(token),
                    ourId,
                    "delivered",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "{}")),
            "callback");
  }

  @Test
  void orphansOlderThanTheRetentionAreDeletedAndYoungerOnesKept() {
    arrives(T0, "1000000000000000001", Optional.empty());
    arrives(T0.plus(Duration.ofDays(10)), "1000000000000000002", Optional.empty());
    assertThat(store.pending().orphans()).isEqualTo(2);

    OrphanPurge purge = new OrphanPurge(store, RETENTION, at(T0.plus(RETENTION).plusSeconds(1)));

    assertThat(purge.purgeNow()).isEqualTo(1);
    assertThat(store.pending().orphans()).isEqualTo(1);
    assertThat(purge.purgeNow()).as("nothing more is old enough").isZero();
  }

  @Test
  void anOrphanExactlyAsOldAsTheRetentionIsStillKept() {
    arrives(T0, "1000000000000000003", Optional.empty());

    assertThat(new OrphanPurge(store, RETENTION, at(T0.plus(RETENTION))).purgeNow()).isZero();
    assertThat(store.pending().orphans()).isEqualTo(1);
  }

  @Test
  void anAdoptedOrphanIsDeletedButStaysInItsMessagesHistory() {
    arrives(T0, "1000000000000000004", Optional.empty());
    MessageRecord m = Messages.sent("w1", Channel.VIBER, null);
    store.inTransaction(
        tx -> {
          tx.insert(m);
          return null;
        });
    arrives(
        T0.plusSeconds(5), "1000000000000000004", Optional.of(m.messageId())); // adopts the first
    assertThat(store.pending().orphans()).isZero();

    assertThat(new OrphanPurge(store, RETENTION, at(T0.plus(Duration.ofDays(30)))).purgeNow())
        .isEqualTo(1);
    assertThat(store.history(m.messageId())).hasSize(2);
  }

  @Test
  void aPurgeWhileTheStoreIsDownDeletesNothingAndDoesNotThrow() {
    arrives(T0, "1000000000000000005", Optional.empty());
    db.close();

    assertThat(new OrphanPurge(store, RETENTION, at(T0.plus(Duration.ofDays(30)))).purgeNow())
        .isZero();
  }

  @Test
  void itRunsEveryQuarterOfTheRetentionWithinATenthOfASecondAndAnHour() {
    assertThat(OrphanPurge.pause(Duration.ofDays(14))).isEqualTo(Duration.ofHours(1));
    assertThat(OrphanPurge.pause(Duration.ofMinutes(8))).isEqualTo(Duration.ofMinutes(2));
    assertThat(OrphanPurge.pause(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(100));
  }
}

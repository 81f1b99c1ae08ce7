package io.octopods.service.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.Messages;
import io.octopods.service.support.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on the embedded H2, or on PostgreSQL when OCTOPODS_TEST_DB_URL is set. */
class JdbcMessageStoreTest {
  @TempDir Path dir;
  private TestDatabase db;
  private JdbcMessageStore store;
  private ReportIntake intake;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    store = new JdbcMessageStore(db.database().dataSource());
    intake = new ReportIntake(store, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private MessageRecord stored(MessageRecord m) {
    store.inTransaction(
        tx -> {
          tx.insert(m);
          return null;
        });
    return m;
  }

  @Test
  void aMessageReadsBackAsWritten() {
    MessageRecord m = stored(Messages.sent("w1", Channel.WHATSAPP, "wamid.A"));
    assertThat(store.find("w1", m.messageId())).contains(m);
    assertThat(store.find("w2", m.messageId())).as("another workspace sees nothing").isEmpty();
  }

  @Test
  void aTransactionReadsItsOwnChangesAndWritesThemAtCommitOnly() {
    MessageRecord m = stored(Messages.sent("w1", Channel.VIBER, "token-1"));
    Instant now = m.updatedAt().plusSeconds(1);
    MessageRecord delivered = m.movedTo(Status.DELIVERED, now, true);
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.lockInOrder(Set.of(), Map.of("viber", Set.of("token-1", "token-none")));
                      tx.update(delivered);
                      assertThat(tx.lock(m.messageId()))
                          .as("by our id, as changed")
                          .contains(delivered);
                      assertThat(tx.lockByProviderId(Channel.VIBER, "token-1"))
                          .as("by the provider's id")
                          .contains(delivered);
                      assertThat(tx.lockByProviderId(Channel.VIBER, "token-none")).isEmpty();
                      throw new IllegalStateException("roll back");
                    }))
        .hasMessage("roll back");
    assertThat(store.find("w1", m.messageId())).as("nothing written before the commit").contains(m);

    store.inTransaction(
        tx -> {
          tx.update(tx.lock(m.messageId()).orElseThrow().movedTo(Status.DELIVERED, now, true));
          return null;
        });
    assertThat(store.find("w1", m.messageId()).orElseThrow().status()).isEqualTo(Status.DELIVERED);
  }

  @Test
  void reportsAreAppliedAndEveryOneIsInTheHistory() {
    MessageRecord m = stored(Messages.sent("w1", Channel.WHATSAPP, "wamid.B"));
    intake.apply(
        List.of(
            Messages.report(Channel.WHATSAPP, "wamid.B", "read"),
            Messages.report(Channel.WHATSAPP, "wamid.B", "delivered")),
        "callback");
    MessageRecord after = store.find("w1", m.messageId()).orElseThrow();
    assertThat(after.status()).isEqualTo(Status.READ);
    assertThat(after.reached()).containsKey(Status.READ).doesNotContainKey(Status.DELIVERED);
    assertThat(store.history(m.messageId()))
        .extracting(
            e ->
                e.providerStatus().orElseThrow()
                    + ":"
                    + e.applied()
                    + ":"
                    + e.reason().map(Enum::name).orElse("-"))
        .containsExactly("read:true:-", "delivered:false:STALE");
  }

  @Test
  void aReportForAnUnknownIdIsKeptAndAppliedWhenTheIdAppears() {
    intake.apply(
        List.of(Messages.report(Channel.VIBER, "4912661846655238145", "delivered")), "callback");
    assertThat(store.pending().orphans()).isEqualTo(1);
    MessageRecord m = stored(Messages.sent("w1", Channel.VIBER, null));
    intake.apply(
        List.of(
            new io.octopods.service.application.IncomingReport(
                Channel.VIBER,
                Optional.of("4912661846655238145"),
                Optional.of(m.messageId()),
                "seen",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "{}")),
        "callback");
    assertThat(store.pending().orphans()).isZero();
    assertThat(store.find("w1", m.messageId()).orElseThrow().status()).isEqualTo(Status.DELIVERED);
    assertThat(store.history(m.messageId()))
        .hasSize(2)
        .first()
        .satisfies(
            e ->
                assertThat(e.appliedAt())
                    .as("the adopted orphan says when it was applied")
                    .isPresent());
  }

  @Test
  void listingPagesNewestFirstWithACursor() {
    for (int i = 0; i < 5; i++) {
      stored(Messages.sent("w1", Channel.SMS, "SM" + i));
    }
    var first = store.list("w1", Channel.SMS, Optional.empty(), 2, Optional.empty());
    var second = store.list("w1", Channel.SMS, Optional.empty(), 2, first.nextCursor());
    var third = store.list("w1", Channel.SMS, Optional.empty(), 2, second.nextCursor());
    assertThat(first.messages()).hasSize(2);
    assertThat(third.messages()).hasSize(1);
    assertThat(third.nextCursor()).isEmpty();
    assertThat(
            store
                .list("w1", Channel.SMS, Optional.of(Status.DELIVERED), 10, Optional.empty())
                .messages())
        .isEmpty();
    assertThatThrownBy(
            () -> store.list("w1", Channel.SMS, Optional.empty(), 2, Optional.of("garbage!")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailedTransactionStoresNothing() {
    MessageRecord m = Messages.sent("w1", Channel.SMS, "SMx");
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.insert(m);
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(store.find("w1", m.messageId())).isEmpty();
  }
}

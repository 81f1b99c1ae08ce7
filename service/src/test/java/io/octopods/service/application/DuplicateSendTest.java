package io.octopods.service.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.adapters.persistence.JdbcOutbox;
import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that created two messages for one of ours (a send it answered with an error had been
 * accepted after all, and the retry was accepted too): the message keeps its first provider id,
 * lists the other, and the reports of either find it and go through the status engine; the history
 * says it was a duplicate send.
 */
class DuplicateSendTest {
  private static final String WORKSPACE = "demo";

  @TempDir Path dir;
  private TestDatabase db;
  private JdbcMessageStore store;
  private ReportIntake intake;
  private SendMessage send;
  private JdbcOutbox outbox;

  @BeforeEach
  void setUp() {
    db = TestDatabase.open(dir);
    store = new JdbcMessageStore(db.database().dataSource());
    outbox = new JdbcOutbox(store);
    intake = new ReportIntake(store, Clock.systemUTC());
    send = new SendMessage(store, Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private MessageRecord sent(String acceptedAs) {
    MessageRecord m =
        send.send(
            new SendMessage.Request(
                WORKSPACE, Channel.WHATSAPP, "+15551230001", "hi", Optional.empty()),
            Optional.empty());
    handOff(m, acceptedAs);
    return find(m);
  }

  private OutboxItem claimHandOff(MessageRecord m) {
    return outbox
        .claimDue(
            OutboxItem.HANDOFF, Instant.now().plusSeconds(1), 10, Instant.now().plusSeconds(60))
        .stream()
        .filter(i -> i.messageId().equals(m.messageId()))
        .findFirst()
        .orElseThrow();
  }

  private void handOff(MessageRecord m, String acceptedAs) {
    OutboxItem item = claimHandOff(m);
    new HandOff(
            store,
            outbox,
            channel -> message -> new HandOffResult.Accepted(acceptedAs, "accepted"),
            new HandOffPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20)),
            Clock.systemUTC())
        .run(item);
  }

  private MessageRecord find(MessageRecord m) {
    return store.find(WORKSPACE, m.messageId()).orElseThrow();
  }

  private void report(Optional<String> ourId, String providerId, String word) {
    intake.apply(
        List.of(
            new IncomingReport(
                Channel.WHATSAPP,
                Optional.of(providerId),
                ourId,
                word,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "{\"status\":\"" + word + "\"}")),
        "callback");
  }

  private List<String> others(MessageRecord m) {
    return store.otherProviderIds(List.of(m.messageId())).getOrDefault(m.messageId(), List.of());
  }

  @Test
  void aReportWithOurIdForAnUnknownProviderIdRevealsASecondProviderMessageAndIsApplied() {
    MessageRecord m = sent("wamid.SECOND");

    report(Optional.of(m.messageId()), "wamid.FIRST", "delivered");

    MessageRecord after = find(m);
    assertThat(after.providerMessageId()).contains("wamid.SECOND");
    assertThat(others(m)).containsExactly("wamid.FIRST");
    assertThat(after.status()).isEqualTo(Status.DELIVERED);
    HistoryEvent revealing =
        store.history(m.messageId()).get(store.history(m.messageId()).size() - 1);
    assertThat(revealing.applied()).isTrue();
    assertThat(revealing.detail().orElseThrow()).contains("duplicate send").contains("wamid.FIRST");
    assertThat(store.pending().orphans()).isZero();
  }

  @Test
  void laterReportsOfEitherProviderMessageFindTheMessageWithoutOurId() {
    MessageRecord m = sent("wamid.SECOND");
    report(Optional.of(m.messageId()), "wamid.FIRST", "sent");

    report(Optional.empty(), "wamid.FIRST", "delivered");
    report(Optional.empty(), "wamid.SECOND", "read");

    assertThat(find(m).status()).isEqualTo(Status.READ);
    assertThat(store.history(m.messageId()))
        .extracting(e -> e.providerStatus().orElse(""))
        .containsExactly("accepted", "sent", "delivered", "read");
    assertThat(store.pending().orphans()).isZero();
  }

  @Test
  void reportsThatCameForTheOtherIdBeforeItWasKnownAreAdoptedWhenItIs() {
    MessageRecord m = sent("wamid.SECOND");
    report(
        Optional.empty(),
        "wamid.FIRST",
        "delivered"); // no one knows wamid.FIRST yet: kept as an orphan
    assertThat(store.pending().orphans()).isOne();

    report(Optional.of(m.messageId()), "wamid.FIRST", "sent");

    assertThat(store.pending().orphans()).isZero();
    assertThat(find(m).status()).isEqualTo(Status.DELIVERED);
  }

  @Test
  void aSendAcceptedWhileTheFirstAttemptsMessageReportedIsADuplicateSendInTheHistory() {
    MessageRecord m =
        send.send(
            new SendMessage.Request(
                WORKSPACE, Channel.WHATSAPP, "+15551230001", "hi", Optional.empty()),
            Optional.empty());
    OutboxItem item = claimHandOff(m);
    HandOffResult.Accepted second = new HandOffResult.Accepted("wamid.SECOND", "accepted");

    new HandOff(
            store,
            outbox,
            channel ->
                message -> { // the first attempt's message reports during this send
                  report(Optional.of(m.messageId()), "wamid.FIRST", "sent");
                  return second;
                },
            new HandOffPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20)),
            Clock.systemUTC())
        .run(item);

    assertThat(find(m).providerMessageId()).contains("wamid.FIRST");
    assertThat(others(m)).containsExactly("wamid.SECOND");
    HistoryEvent sendEvent =
        store.history(m.messageId()).stream()
            .filter(e -> e.source().equals("send"))
            .findFirst()
            .orElseThrow();
    assertThat(sendEvent.detail().orElseThrow())
        .contains("duplicate send")
        .contains("wamid.SECOND");
    report(Optional.empty(), "wamid.SECOND", "delivered");
    assertThat(find(m).status()).isEqualTo(Status.DELIVERED);
  }

  @Test
  void aReportWhoseProviderIdIsAnotherMessagesStaysWithOurIdAndTeachesNothing() {
    MessageRecord other = sent("wamid.OTHER");
    MessageRecord m =
        send.send(
            new SendMessage.Request(
                WORKSPACE, Channel.WHATSAPP, "+15551230002", "hi", Optional.empty()),
            Optional.empty());

    report(Optional.of(m.messageId()), "wamid.OTHER", "delivered");

    assertThat(find(m).providerMessageId()).isEmpty();
    assertThat(others(m)).isEmpty();
    assertThat(others(other)).isEmpty();
    assertThat(store.otherProviderIds(List.of(m.messageId(), other.messageId())))
        .isEqualTo(Map.of());
  }
}

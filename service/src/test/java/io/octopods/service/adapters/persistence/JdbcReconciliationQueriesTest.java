package io.octopods.service.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.ReconciliationQueries.CheckState;
import io.octopods.service.application.ports.ReconciliationQueries.DueCheck;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation bookkeeping on the real store (embedded H2, or PostgreSQL with
 * OCTOPODS_TEST_DB_URL).
 */
class JdbcReconciliationQueriesTest {
  private static final Instant T0 = Instant.parse("2026-11-05T05:00:00Z");
  private static final Duration AFTER = Duration.ofMinutes(10);
  private static final Duration LEASE = Duration.ofHours(1);

  @TempDir Path dir;
  private TestDatabase db;
  private JdbcMessageStore store;
  private JdbcReconciliationQueries queries;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    store = new JdbcMessageStore(db.database().dataSource());
    queries = new JdbcReconciliationQueries(store);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private MessageRecord message(Channel channel, Status status, String sid, Instant changed) {
    Map<Status, Instant> reached = new EnumMap<>(Status.class);
    reached.put(Status.QUEUED, T0);
    reached.put(status, changed);
    MessageRecord m =
        new MessageRecord(
            UUID.randomUUID().toString(),
            "acme",
            channel,
            "+15551230001",
            "hello",
            Optional.empty(),
            Optional.ofNullable(sid),
            status,
            T0,
            changed,
            Optional.empty(),
            reached);
    store.inTransaction(
        tx -> {
          tx.insert(m);
          return null;
        });
    return m;
  }

  private static String sid() {
    return "SM" + UUID.randomUUID().toString().replace("-", "");
  }

  private void sendEvent(MessageRecord m, String word) {
    store.inTransaction(
        tx -> {
          tx.append(
              new HistoryEvent(
                  UUID.randomUUID().toString(),
                  m.messageId(),
                  T0,
                  Optional.empty(),
                  "send",
                  Optional.of(word),
                  Optional.empty(),
                  Optional.of(Status.UNKNOWN),
                  true,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of("test"),
                  ""));
          return null;
        });
  }

  private void move(MessageRecord m, Status to, Instant at) {
    store.inTransaction(
        tx -> {
          tx.update(m.movedTo(to, at, true));
          return null;
        });
  }

  /** Claims what is due at {@code now} with reconcile-after 10 minutes. */
  private List<DueCheck> claim(Instant now) {
    return queries.claimDue(Channel.SMS, now, now.minus(AFTER), 50, now.plus(LEASE));
  }

  private static List<String> ids(List<DueCheck> due) {
    return due.stream().map(d -> d.message().messageId()).toList();
  }

  @Test
  void onlySmsStillWaitingForAWordAndOldEnoughIsDue() {
    MessageRecord sent = message(Channel.SMS, Status.SENT, sid(), T0);
    MessageRecord recent = message(Channel.SMS, Status.SENT, sid(), T0.plus(Duration.ofMinutes(5)));
    message(Channel.SMS, Status.DELIVERED, sid(), T0);
    message(Channel.SMS, Status.FAILED, sid(), T0);
    message(Channel.WHATSAPP, Status.SENT, "wamid.x" + UUID.randomUUID(), T0);
    MessageRecord retrying = message(Channel.SMS, Status.UNKNOWN, null, T0);
    sendEvent(retrying, "retry");
    MessageRecord timedOut = message(Channel.SMS, Status.UNKNOWN, null, T0);
    sendEvent(timedOut, "timeout");
    message(Channel.SMS, Status.QUEUED, null, T0);

    List<DueCheck> due = claim(T0.plus(Duration.ofMinutes(12)));

    assertThat(ids(due)).containsExactlyInAnyOrder(sent.messageId(), timedOut.messageId());
    assertThat(due).allSatisfy(d -> assertThat(d.checksDone()).isZero());
    assertThat(ids(claim(T0.plus(Duration.ofMinutes(20)))))
        .as("the recent one is due once its 10 minutes are over; the others are leased")
        .containsExactly(recent.messageId());
  }

  @Test
  void aClaimedMessageIsLeasedThenDueAgainAtItsNextCheckUntilTheBound() {
    MessageRecord m = message(Channel.SMS, Status.SENT, sid(), T0);
    Instant first = T0.plus(AFTER);

    DueCheck d = claim(first).get(0);

    assertThat(claim(first)).as("leased").isEmpty();
    queries.checked(d, 1, Optional.of(first.plus(Duration.ofMinutes(20))), "check 1: sent", first);
    assertThat(claim(first.plus(Duration.ofMinutes(19)))).as("not yet due").isEmpty();
    List<DueCheck> again = claim(first.plus(Duration.ofMinutes(20)));
    assertThat(again).singleElement().satisfies(x -> assertThat(x.checksDone()).isEqualTo(1));

    queries.checked(
        again.get(0),
        2,
        Optional.empty(),
        "check 2: sent; no more checks",
        first.plus(AFTER.multipliedBy(2)));

    assertThat(claim(first.plus(Duration.ofDays(30)))).as("the bound is reached").isEmpty();
    CheckState s = queries.state(m.messageId()).orElseThrow();
    assertThat(s.checks()).isEqualTo(2);
    assertThat(s.nextCheckAt()).isEmpty();
    assertThat(s.basis()).isEqualTo(T0);
    assertThat(s.lastOutcome()).contains("check 2: sent; no more checks");
    assertThat(s.lastCheckedAt()).contains(first.plus(AFTER.multipliedBy(2)));
  }

  @Test
  void aLeaseThatRunsOutMakesTheMessageDueAgainWithTheSameCount() {
    MessageRecord m = message(Channel.SMS, Status.SENT, sid(), T0);
    Instant first = T0.plus(AFTER);
    claim(first);

    List<DueCheck> again = claim(first.plus(LEASE).plusMillis(1));

    assertThat(ids(again)).containsExactly(m.messageId());
    assertThat(again.get(0).checksDone()).isZero();
  }

  @Test
  void aNewPublicStatusStartsANewSeries() {
    MessageRecord m = message(Channel.SMS, Status.UNKNOWN, null, T0);
    sendEvent(m, "timeout");
    Instant first = T0.plus(AFTER);
    DueCheck d = claim(first).get(0);
    queries.checked(d, 1, Optional.empty(), "found by list: queued", first);
    Instant settled = first.plusSeconds(1);
    MessageRecord now = store.find("acme", m.messageId()).orElseThrow();
    move(now.withProviderMessageId(sid()), Status.SENT, settled);

    assertThat(claim(settled.plus(AFTER).minusMillis(1)))
        .as("10 minutes after the new status")
        .isEmpty();
    List<DueCheck> again = claim(settled.plus(AFTER));

    assertThat(again)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.checksDone()).isZero();
              assertThat(x.message().status()).isEqualTo(Status.SENT);
              assertThat(x.message().providerMessageId()).isPresent();
            });
    assertThat(queries.state(m.messageId()).orElseThrow().basis()).isEqualTo(settled);
  }

  @Test
  void aCheckRecordedAfterTheStatusMovedDoesNotOverwriteTheNewSeries() {
    MessageRecord m = message(Channel.SMS, Status.UNKNOWN, null, T0);
    sendEvent(m, "timeout");
    DueCheck old = claim(T0.plus(AFTER)).get(0);
    Instant settled = T0.plus(AFTER).plusSeconds(1);
    move(store.find("acme", m.messageId()).orElseThrow(), Status.SENT, settled);
    DueCheck fresh = claim(settled.plus(AFTER).plus(LEASE)).get(0);

    queries.checked(old, 1, Optional.empty(), "late", settled);

    assertThat(fresh.checksDone()).isZero();
    CheckState s = queries.state(m.messageId()).orElseThrow();
    assertThat(s.basis()).isEqualTo(settled);
    assertThat(s.lastOutcome()).isEmpty();
  }

  @Test
  void holderOfNamesTheMessageWithThatSid() {
    String sid = sid();
    MessageRecord m = message(Channel.SMS, Status.SENT, sid, T0);

    assertThat(queries.holderOf(Channel.SMS, sid)).contains(m.messageId());
    assertThat(queries.holderOf(Channel.SMS, sid())).isEmpty();
    assertThat(queries.holderOf(Channel.WHATSAPP, sid)).isEmpty();
    assertThat(queries.state(m.messageId())).isEmpty();
  }
}

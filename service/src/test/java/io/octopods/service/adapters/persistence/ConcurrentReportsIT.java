package io.octopods.service.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.StoreTransaction;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Reason;
import io.octopods.service.domain.Status;
import io.octopods.service.support.Messages;
import io.octopods.service.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * No lost update on PostgreSQL (edge case A1), with the overlap of the two reports shown rather
 * than hoped for. Two report intakes stand for two service instances: each groups only its own
 * callbacks, so the two reports of one message can never share a transaction. The first intake's
 * transaction is held open once it has applied its report, before its commit; the second report is
 * then applied, and the test waits until PostgreSQL shows the second transaction's backend waiting
 * on a lock ({@code pg_stat_activity.wait_event_type = 'Lock'}) that the first one's backend holds
 * ({@code pg_blocking_pids}), while the second report has not returned. Only then is the first
 * released; the message ends at the higher status, both reports are in its history, and each was
 * decided on the status the other one committed.
 *
 * <p>Why this fails without the row lock ({@code SELECT ... FOR UPDATE} when {@link
 * JdbcTransaction} locks the reports' messages): the first transaction writes its change to the
 * message row only when it commits, so while it is held open nothing but that lock stands in the
 * second one's way. Without it the second transaction reads {@code SENT}, applies its report and
 * commits at once: no backend ever waits on a lock and the wait for one runs out. Past that point
 * the outcome would be wrong too: released, the first transaction would write {@code DELIVERED},
 * decided on the {@code SENT} it read, over {@code READ}; and a {@code delivered} applied after a
 * held {@code read} would be applied on {@code SENT} instead of refused as stale.
 */
class ConcurrentReportsIT {
  /** Below the store's socket timeout: a statement blocked longer than that would be cut. */
  private static final Duration WAIT_FOR_LOCK = Duration.ofSeconds(5);

  private static final Duration AT_MOST = Duration.ofSeconds(30);

  @Test
  void readWaitsForTheHeldDeliveredAndLandsOnIt() throws Exception {
    List<HistoryEvent> history = raceBehindAHeldReport("delivered", "read", Status.READ);

    assertThat(history)
        .extracting(HistoryEvent::providerStatus)
        .containsExactly(Optional.of("delivered"), Optional.of("read"));
    assertThat(history).extracting(HistoryEvent::applied).containsExactly(true, true);
  }

  @Test
  void deliveredWaitsForTheHeldReadAndIsRefusedAsStale() throws Exception {
    List<HistoryEvent> history = raceBehindAHeldReport("read", "delivered", Status.READ);

    assertThat(history)
        .extracting(HistoryEvent::providerStatus)
        .containsExactly(Optional.of("read"), Optional.of("delivered"));
    assertThat(history).extracting(HistoryEvent::applied).containsExactly(true, false);
    assertThat(history.get(1).reason()).contains(Reason.STALE);
  }

  /**
   * Applies {@code heldWord} on one intake and holds its transaction open; applies {@code
   * waitingWord} on another, proves it waits on the held transaction's lock, releases, and checks
   * the message's final status. Answers the message's history.
   */
  private static List<HistoryEvent> raceBehindAHeldReport(
      String heldWord, String waitingWord, Status expected) throws Exception {
    ExecutorService reporters = Executors.newFixedThreadPool(2);
    CountDownLatch heldApplied = new CountDownLatch(1);
    CountDownLatch releaseHeld = new CountDownLatch(1);
    AtomicInteger heldPid = new AtomicInteger();
    AtomicInteger waitingPid = new AtomicInteger();
    try (TestDatabase db = TestDatabase.postgres()) {
      JdbcMessageStore store = new JdbcMessageStore(db.database().dataSource());
      String wamid = "wamid.RACE." + heldWord + "." + waitingWord;
      MessageRecord message = Messages.sent("w", Channel.WHATSAPP, wamid);
      store.inTransaction(
          tx -> {
            tx.insert(message);
            return null;
          });
      ReportIntake heldIntake =
          new ReportIntake(
              new HookedStore(
                  store,
                  tx -> {},
                  tx -> {
                    heldPid.set(backendPid(tx));
                    heldApplied.countDown();
                    awaitRelease(releaseHeld);
                  }),
              Clock.systemUTC());
      ReportIntake waitingIntake =
          new ReportIntake(
              new HookedStore(store, tx -> waitingPid.set(backendPid(tx)), tx -> {}),
              Clock.systemUTC());

      Future<?> held = reporters.submit(() -> apply(heldIntake, wamid, heldWord));
      assertThat(heldApplied.await(AT_MOST.toSeconds(), TimeUnit.SECONDS))
          .as("the held report was applied inside its transaction")
          .isTrue();
      Future<?> waiting = reporters.submit(() -> apply(waitingIntake, wamid, waitingWord));
      try (Connection observer = db.database().dataSource().getConnection()) {
        await("the " + waitingWord + " transaction waits on the lock of the held " + heldWord)
            .atMost(WAIT_FOR_LOCK)
            .pollInterval(Duration.ofMillis(20))
            .until(() -> waitsOnLockOf(observer, waitingPid.get(), heldPid.get()));
      }
      assertThat(waiting.isDone())
          .as("the " + waitingWord + " report has not returned while the " + heldWord + " is held")
          .isFalse();

      releaseHeld.countDown();
      held.get(AT_MOST.toSeconds(), TimeUnit.SECONDS);
      waiting.get(AT_MOST.toSeconds(), TimeUnit.SECONDS);
      assertThat(store.find("w", message.messageId()).orElseThrow().status())
          .as("no lost update: the higher status stays")
          .isEqualTo(expected);
      return store.history(message.messageId());
    } finally {
      releaseHeld.countDown();
      reporters.shutdownNow();
    }
  }

  private static Void apply(ReportIntake intake, String wamid, String word) {
    intake.apply(List.of(Messages.report(Channel.WHATSAPP, wamid, word)), "callback");
    return null;
  }

  /**
   * Whether backend {@code waiter} is waiting on a lock and {@code holder} is among the backends
   * that block it.
   */
  private static boolean waitsOnLockOf(Connection observer, int waiter, int holder)
      throws SQLException {
    if (waiter == 0 || holder == 0) {
      return false;
    }
    try (PreparedStatement ps =
        observer.prepareStatement(
            "SELECT 1 FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock' "
                + "AND ? = ANY(pg_blocking_pids(pid))")) {
      ps.setInt(1, waiter);
      ps.setInt(2, holder);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int backendPid(JdbcTransaction tx) {
    AtomicInteger pid = new AtomicInteger();
    tx.query("SELECT pg_backend_pid()", ps -> {}, rs -> pid.set(rs.getInt(1)));
    return pid.get();
  }

  private static void awaitRelease(CountDownLatch release) {
    try {
      if (!release.await(AT_MOST.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("the held transaction was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while held", e);
    }
  }

  /**
   * The store, with a hook run inside every transaction before its work and one after it (the
   * transaction still open, its locks held).
   */
  private static final class HookedStore implements MessageStore {
    private final JdbcMessageStore store;
    private final Consumer<JdbcTransaction> beforeWork;
    private final Consumer<JdbcTransaction> afterWork;

    HookedStore(
        JdbcMessageStore store,
        Consumer<JdbcTransaction> beforeWork,
        Consumer<JdbcTransaction> afterWork) {
      this.store = store;
      this.beforeWork = beforeWork;
      this.afterWork = afterWork;
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
      return store.inTransaction(
          tx -> {
            beforeWork.accept((JdbcTransaction) tx);
            T result = work.apply(tx);
            afterWork.accept((JdbcTransaction) tx);
            return result;
          });
    }

    @Override
    public Optional<MessageRecord> find(String workspace, String messageId) {
      return store.find(workspace, messageId);
    }

    @Override
    public MessagePage list(
        String workspace,
        Channel channel,
        Optional<Status> status,
        int limit,
        Optional<String> cursor) {
      return store.list(workspace, channel, status, limit, cursor);
    }

    @Override
    public List<HistoryEvent> history(String messageId) {
      return store.history(messageId);
    }

    @Override
    public Map<String, List<String>> otherProviderIds(Collection<String> messageIds) {
      return store.otherProviderIds(messageIds);
    }

    @Override
    public Optional<IdempotentAnswer> idempotentAnswer(String workspace, String key) {
      return store.idempotentAnswer(workspace, key);
    }

    @Override
    public PendingCounts pending() {
      return store.pending();
    }
  }
}

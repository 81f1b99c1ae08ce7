package io.octopods.service.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.StoreTransaction;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.Messages;
import io.octopods.service.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on the real store (the embedded H2, or PostgreSQL in {@code .ci/run}): callers that
 * arrive while a group transaction runs share the next one; each returns only after its work
 * committed; a failing piece of work fails only its own caller, and nothing of it is stored.
 */
class GroupCommitTest {
  @TempDir Path dir;
  private TestDatabase db;
  private CountingStore store;
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final Map<String, MessageRecord> messages = new ConcurrentHashMap<>();

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    store = new CountingStore(new JdbcMessageStore(db.database().dataSource()));
  }

  @AfterEach
  void close() {
    callers.shutdownNow();
    db.close();
  }

  @Test
  void callersThatArriveDuringATransactionShareTheNextOne() throws Exception {
    CountDownLatch holdFirst = new CountDownLatch(1);
    GroupCommit<String> commits =
        new GroupCommit<>(
            store,
            storing(
                name -> {
                  if (name.equals("first")) {
                    released(holdFirst);
                  }
                }),
            1,
            64);

    Future<?> first = callers.submit(() -> commits.run("first"));
    await().atMost(Duration.ofSeconds(10)).until(() -> store.transactions.get() == 1);
    List<Future<?>> later = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String name = "later-" + i;
      later.add(callers.submit(() -> commits.run(name)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 10);
    assertThat(later).as("nobody returns before its work is committed").noneMatch(Future::isDone);

    holdFirst.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : later) {
      f.get(10, TimeUnit.SECONDS);
    }
    assertThat(store.transactions.get())
        .as("the first alone, then the ten waiting together")
        .isEqualTo(2);
    assertThat(messages).hasSize(11);
    messages
        .values()
        .forEach(m -> assertThat(store.find("w", m.messageId())).as(m.messageId()).isPresent());
  }

  @Test
  void aFailingPieceOfWorkFailsOnlyItsOwnCaller() throws Exception {
    CountDownLatch holdFirst = new CountDownLatch(1);
    GroupCommit<String> commits =
        new GroupCommit<>(
            store,
            storing(
                name -> {
                  if (name.equals("first")) {
                    released(holdFirst);
                  }
                  if (name.equals("bad")) {
                    throw new IllegalStateException("a report the store refuses");
                  }
                }),
            1,
            64);
    Future<?> first = callers.submit(() -> commits.run("first"));
    await().atMost(Duration.ofSeconds(10)).until(() -> store.transactions.get() == 1);
    Future<?> good1 = callers.submit(() -> commits.run("a-good"));
    Future<?> bad = callers.submit(() -> commits.run("bad"));
    Future<?> good2 = callers.submit(() -> commits.run("z-good"));
    await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 3);

    holdFirst.countDown();
    first.get(10, TimeUnit.SECONDS);
    good1.get(10, TimeUnit.SECONDS);
    good2.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("a report the store refuses");
    assertThat(store.find("w", messages.get("a-good").messageId())).isPresent();
    assertThat(store.find("w", messages.get("z-good").messageId())).isPresent();
    assertThat(store.find("w", messages.get("bad").messageId()))
        .as("rolled back in the group and alone")
        .isEmpty();
    assertThat(store.transactions.get())
        .as("first; the group of three (rolled back); then each alone")
        .isEqualTo(1 + 1 + 3);
  }

  @Test
  void aCallerAloneGetsItsFailureAtOnceWithoutASecondTry() {
    GroupCommit<String> commits =
        new GroupCommit<>(
            store,
            storing(
                name -> {
                  throw new IllegalStateException("refused");
                }),
            4,
            64);
    assertThatThrownBy(() -> commits.run("only"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("refused");
    assertThat(store.transactions.get()).isEqualTo(1);
    assertThat(store.find("w", messages.get("only").messageId())).isEmpty();
  }

  @Test
  void manyConcurrentCallersAllReturnWithTheirWorkStored() throws Exception {
    GroupCommit<String> commits = new GroupCommit<>(store, storing(name -> {}), 2, 8);
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String name = "m-" + i;
      all.add(callers.submit(() -> commits.run(name)));
    }
    for (Future<?> f : all) {
      f.get(30, TimeUnit.SECONDS);
    }
    assertThat(messages).hasSize(200);
    messages
        .values()
        .forEach(m -> assertThat(store.find("w", m.messageId())).as(m.messageId()).isPresent());
    assertThat(store.transactions.get()).isBetween(200 / 8, 200);
  }

  /** Stores one message per piece of work after {@code before} ran (which may block or throw). */
  private BiConsumer<StoreTransaction, List<String>> storing(Consumer<String> before) {
    return (tx, names) ->
        names.forEach(
            name -> {
              tx.insert(
                  messages.computeIfAbsent(
                      name, n -> Messages.sent("w", Channel.VIBER, "token-" + n)));
              before.accept(name);
            });
  }

  private static void released(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The real store, counting the transactions it runs. */
  private static final class CountingStore implements MessageStore {
    final AtomicInteger transactions = new AtomicInteger();
    private final MessageStore real;

    CountingStore(MessageStore real) {
      this.real = real;
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
      transactions.incrementAndGet();
      return real.inTransaction(work);
    }

    @Override
    public Optional<MessageRecord> find(String workspace, String messageId) {
      return real.find(workspace, messageId);
    }

    @Override
    public MessagePage list(
        String workspace, Channel channel, Optional<Status> s, int limit, Optional<String> cursor) {
      return real.list(workspace, channel, s, limit, cursor);
    }

    @Override
    public List<HistoryEvent> history(String messageId) {
      return real.history(messageId);
    }

    @Override
    public Map<String, List<String>> otherProviderIds(Collection<String> messageIds) {
      return real.otherProviderIds(messageIds);
    }

    @Override
    public Optional<IdempotentAnswer> idempotentAnswer(String workspace, String key) {
      return real.idempotentAnswer(workspace, key);
    }

    @Override
    public PendingCounts pending() {
      return real.pending();
    }
  }
}

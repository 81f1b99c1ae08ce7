package io.octopods.service.adapters.workers;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop behind every background worker: passes on a named daemon thread, woken early or polling,
 * and a graceful stop. A wait of {@link #NEVER} stands for "only a wake-up ends it": any pass after
 * it proves the wake worked.
 */
class BackgroundLoopTest {
  private static final Duration NEVER = Duration.ofMinutes(10);
  private static final Duration SHORT = Duration.ofMillis(20);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<BackgroundLoop> loops = new ArrayList<>();
  private final AtomicInteger passes = new AtomicInteger();

  @AfterEach
  void closeLoops() {
    loops.forEach(BackgroundLoop::close);
  }

  private BackgroundLoop started(BackgroundLoop loop) {
    loops.add(loop);
    return loop.start();
  }

  /**
   * A pass that counts itself and then waits as long as {@code waitAfter} says for the pass it just
   * ran.
   */
  private BackgroundLoop.Pass counting(IntFunction<Duration> waitAfter) {
    return () -> waitAfter.apply(passes.incrementAndGet());
  }

  @Test
  void itRunsPassesOnADaemonThreadOfTheGivenName() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    started(
        BackgroundLoop.named("octopods-test-loop")
            .polling(NEVER)
            .build(
                () -> {
                  ranOn.set(Thread.currentThread());
                  return NEVER;
                }));

    await().atMost(WAIT).until(() -> ranOn.get() != null);
    assertThat(ranOn.get().getName()).isEqualTo("octopods-test-loop");
    assertThat(ranOn.get().isDaemon()).isTrue();
  }

  @Test
  void aWakeEndsTheWaitAtOnce() {
    BackgroundLoop loop =
        started(BackgroundLoop.named("wake").polling(NEVER).build(counting(n -> NEVER)));
    await().atMost(WAIT).until(() -> passes.get() == 1);

    loop.wake();

    await().atMost(WAIT).until(() -> passes.get() == 2);
  }

  @Test
  void aWakeDuringAPassEndsTheWaitAfterIt() {
    AtomicReference<BackgroundLoop> self = new AtomicReference<>();
    BackgroundLoop loop =
        BackgroundLoop.named("wake-in-pass")
            .polling(NEVER)
            .build(
                () -> {
                  if (passes.incrementAndGet() == 1) {
                    self.get().wake(); // work announced while the pass runs is not lost
                  }
                  return NEVER;
                });
    self.set(loop);
    started(loop);

    await().atMost(WAIT).until(() -> passes.get() == 2);
  }

  @Test
  void aPassAnsweringZeroIsFollowedByTheNextAtOnce() {
    started(
        BackgroundLoop.named("backlog")
            .polling(NEVER)
            .build(counting(n -> n < 5 ? Duration.ZERO : NEVER)));

    await().atMost(WAIT).until(() -> passes.get() == 5);
  }

  @Test
  void withoutWakeUpsItPollsAtTheWaitThePassAnswers() {
    started(BackgroundLoop.named("poll").polling(NEVER).build(counting(n -> SHORT)));

    await().atMost(WAIT).until(() -> passes.get() >= 3);
  }

  @Test
  void aPassThatThrowsIsRunAgainAfterThePollInterval() {
    started(
        BackgroundLoop.named("throws")
            .polling(SHORT)
            .build(
                counting(
                    n -> {
                      if (n == 1) {
                        throw new IllegalStateException("the store is down");
                      }
                      return NEVER;
                    })));

    await().atMost(WAIT).until(() -> passes.get() == 2);
  }

  @Test
  void itCanWaitBeforeItsFirstPass() {
    BackgroundLoop loop =
        started(
            BackgroundLoop.named("first-wait")
                .polling(NEVER)
                .waitBeforeFirstPass()
                .build(counting(n -> NEVER)));
    await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> passes.get() == 0);

    loop.wake();

    await().atMost(WAIT).until(() -> passes.get() == 1);
  }

  @Test
  void aSecondStartRunsNoSecondThread() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    BackgroundLoop loop =
        started(
            BackgroundLoop.named("twice")
                .polling(NEVER)
                .build(
                    () -> {
                      threads.add(Thread.currentThread());
                      passes.incrementAndGet();
                      return NEVER;
                    }));
    loop.start();
    await().atMost(WAIT).until(() -> passes.get() == 1);

    loop.wake();
    await().atMost(WAIT).until(() -> passes.get() == 2);

    assertThat(threads).hasSize(1);
  }

  @Test
  void closeLetsThePassInFlightFinishAndStartsNoOther() throws Exception {
    CountDownLatch inPass = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    BackgroundLoop loop =
        started(
            BackgroundLoop.named("finish")
                .polling(NEVER)
                .grace(Duration.ofMinutes(1))
                .build(
                    () -> {
                      passes.incrementAndGet();
                      inPass.countDown();
                      try {
                        mayFinish.await();
                      } catch (InterruptedException e) {
                        interrupted.set(true);
                      }
                      return Duration.ZERO; // would run again at once if the loop were not closed
                    }));
    assertThat(inPass.await(WAIT.toSeconds(), SECONDS)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(loop::close);
    await().atMost(WAIT).until(loop::isClosed);
    assertThat(closing).as("close waits for the pass in flight").isNotDone();
    mayFinish.countDown();
    closing.get(WAIT.toSeconds(), SECONDS);

    assertThat(interrupted).isFalse();
    assertThat(passes).hasValue(1);
    assertThat(loop.isRunning()).isFalse();
  }

  @Test
  void closeInterruptsAPassThatOutlastsTheGrace() throws Exception {
    CountDownLatch inPass = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    BackgroundLoop loop =
        started(
            BackgroundLoop.named("overtime")
                .polling(NEVER)
                .grace(SHORT)
                .build(
                    () -> {
                      inPass.countDown();
                      try {
                        new CountDownLatch(1).await();
                      } catch (InterruptedException e) {
                        interrupted.set(true);
                      }
                      return NEVER;
                    }));
    assertThat(inPass.await(WAIT.toSeconds(), SECONDS)).isTrue();

    loop.close();

    await().atMost(WAIT).untilTrue(interrupted);
  }

  @Test
  void closeGivesThePoolTheGraceThenSaysSoAndInterruptsIt() throws Exception {
    ExecutorService pool =
        Executors.newSingleThreadExecutor(DaemonThreads.numbered("octopods-test-pool-"));
    CountDownLatch working = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    pool.execute(
        () -> {
          working.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.set(true);
          }
        });
    AtomicReference<Duration> overtime = new AtomicReference<>();
    BackgroundLoop loop =
        started(
            BackgroundLoop.named("pool")
                .polling(NEVER)
                .grace(SHORT)
                .handingWorkTo(pool, overtime::set)
                .build(() -> NEVER));
    assertThat(working.await(WAIT.toSeconds(), SECONDS)).isTrue();

    loop.close();

    assertThat(overtime).hasValue(SHORT);
    await().atMost(WAIT).untilTrue(interrupted);
    assertThat(pool.isShutdown()).isTrue();
  }

  @Test
  void closeStopsAPoolWhoseWorkEndsInTimeWithoutComplaint() {
    ExecutorService pool =
        Executors.newSingleThreadExecutor(DaemonThreads.numbered("octopods-test-pool-"));
    AtomicReference<Duration> overtime = new AtomicReference<>();
    BackgroundLoop loop =
        started(
            BackgroundLoop.named("quiet-pool")
                .polling(NEVER)
                .handingWorkTo(pool, overtime::set)
                .build(() -> NEVER));

    loop.close();

    assertThat(pool.isTerminated()).isTrue();
    assertThat(overtime).hasValue(null);
  }

  @Test
  void aPassMayCloseItsOwnLoop() throws Exception {
    AtomicReference<BackgroundLoop> self = new AtomicReference<>();
    CompletableFuture<Void> closedFromPass = new CompletableFuture<>();
    BackgroundLoop loop =
        BackgroundLoop.named("self-close")
            .polling(NEVER)
            .build(
                () -> {
                  self.get().close();
                  closedFromPass.complete(null);
                  return Duration.ZERO;
                });
    self.set(loop);
    started(loop);

    closedFromPass.get(WAIT.toSeconds(), SECONDS);
    assertThat(loop.isRunning()).isFalse();
  }

  @Test
  void anInterruptWhileWaitingEndsTheLoop() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    BackgroundLoop loop =
        started(
            BackgroundLoop.named("interrupted")
                .polling(NEVER)
                .build(
                    () -> {
                      ranOn.set(Thread.currentThread());
                      return NEVER;
                    }));
    await().atMost(WAIT).until(() -> ranOn.get() != null);

    ranOn.get().interrupt();

    await().atMost(WAIT).until(() -> !ranOn.get().isAlive());
    assertThat(loop.isRunning()).isFalse();
  }

  @Test
  void isRunningFromStartUntilClose() {
    BackgroundLoop loop = BackgroundLoop.named("flags").polling(NEVER).build(() -> NEVER);
    assertThat(loop.isRunning()).isFalse();

    started(loop);
    assertThat(loop.isRunning()).isTrue();
    assertThat(loop.isClosed()).isFalse();

    loop.close();
    assertThat(loop.isRunning()).isFalse();
    assertThat(loop.isClosed()).isTrue();
  }

  @Test
  void aLoopNeverStartedClosesAtOnceAndAClosedOneCannotStart() {
    BackgroundLoop loop =
        BackgroundLoop.named("octopods-closed").polling(NEVER).build(counting(n -> NEVER));

    loop.close();

    assertThatThrownBy(loop::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("octopods-closed");
    assertThat(passes).hasValue(0);
  }

  @Test
  void itNeedsAPositivePollIntervalAndGrace() {
    assertThatThrownBy(() -> BackgroundLoop.named("x").build(() -> NEVER))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> BackgroundLoop.named("x").polling(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackgroundLoop.named("x").grace(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

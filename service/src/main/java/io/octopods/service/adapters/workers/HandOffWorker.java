package io.octopods.service.adapters.workers;

import io.octopods.service.application.HandOff;
import io.octopods.service.application.ports.Outbox;
import io.octopods.service.application.ports.OutboxItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@code handoff} outbox (architecture.md, data flow): claims due items with a lease and
 * runs the hand-off of each on a small pool. It claims only as many items as it has idle threads,
 * so an item never waits out its lease in a queue. Woken at once by {@link #wake()} (the send use
 * case calls it after its commit), otherwise it looks every {@code pollInterval} (which also picks
 * up retries whose back-off has run out). An item whose hand-off throws is logged and left leased:
 * another claim takes it when the lease runs out.
 */
public final class HandOffWorker implements AutoCloseable {
  /**
   * Added to twice the provider timeout (connect, then answer) for the lease: the store's work
   * around the call.
   */
  static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

  public static final int DEFAULT_THREADS = 4;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);

  private static final Logger LOG = LoggerFactory.getLogger(HandOffWorker.class);

  private final Outbox outbox;
  private final Consumer<OutboxItem> handOff;
  private final Clock clock;
  private final Duration lease;
  private final Duration pollInterval;
  private final int threads;
  private final Semaphore idle;
  private final ExecutorService pool;
  private final BackgroundLoop loop;
  private volatile boolean backlog;

  /** The usual worker, looking every {@link #DEFAULT_POLL_INTERVAL} when not woken. */
  public HandOffWorker(Outbox outbox, HandOff handOff, Clock clock, Duration providerTimeout) {
    this(outbox, handOff, clock, providerTimeout, DEFAULT_POLL_INTERVAL);
  }

  /**
   * The usual worker: {@value #DEFAULT_THREADS} threads, a lease of twice the provider timeout plus
   * a margin.
   */
  public HandOffWorker(
      Outbox outbox,
      HandOff handOff,
      Clock clock,
      Duration providerTimeout,
      Duration pollInterval) {
    this(outbox, handOff::run, clock, leaseFor(providerTimeout), pollInterval, DEFAULT_THREADS);
  }

  /**
   * @param handOff what to do with one claimed item ({@link HandOff#run}); it completes or
   *     reschedules the item
   * @param lease how long a claimed item is ours; longer than one hand-off can take, else it may be
   *     sent twice
   * @param pollInterval the longest wait between two looks at the outbox when nobody calls {@link
   *     #wake()}
   */
  public HandOffWorker(
      Outbox outbox,
      Consumer<OutboxItem> handOff,
      Clock clock,
      Duration lease,
      Duration pollInterval,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "the hand-off worker needs at least one thread, was given " + threads);
    }
    if (pollInterval.isNegative()
        || pollInterval.isZero()
        || lease.isNegative()
        || lease.isZero()) {
      throw new IllegalArgumentException(
          "poll interval and lease must be positive, were " + pollInterval + " and " + lease);
    }
    this.outbox = outbox;
    this.handOff = handOff;
    this.clock = clock;
    this.lease = lease;
    this.pollInterval = pollInterval;
    Duration closeGrace =
        lease.compareTo(Duration.ofSeconds(5)) < 0 ? lease : Duration.ofSeconds(5);
    this.threads = threads;
    this.idle = new Semaphore(threads);
    this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.numbered("octopods-handoff-"));
    this.loop =
        BackgroundLoop.named("octopods-handoff-worker")
            .polling(pollInterval)
            .grace(closeGrace)
            .handingWorkTo(
                pool,
                grace ->
                    LOG.warn(
                        "hand-offs still running {} after close; interrupting them (their "
                            + "items are reclaimed after the lease, or recorded as timed out)",
                        grace))
            .build(this::claimPass);
  }

  /**
   * Twice the provider timeout (a connect, then the answer, each may take it) plus {@link
   * #LEASE_MARGIN}.
   */
  public static Duration leaseFor(Duration providerTimeout) {
    return providerTimeout.multipliedBy(2).plus(LEASE_MARGIN);
  }

  /** Starts the loop on a thread of its own; a second call does nothing. */
  public HandOffWorker start() {
    loop.start();
    return this;
  }

  /**
   * Looks at the outbox now instead of at the next poll. Cheap; safe from any thread, before or
   * after start.
   */
  public void wake() {
    loop.wake();
  }

  /**
   * Stops claiming at once, lets hand-offs in flight finish for a short grace (the lease, at most 5
   * s: a call interrupted while waiting for its answer counts as timed out), then stops the pool.
   */
  @Override
  public void close() {
    loop.close();
  }

  /**
   * One look at the outbox: claims as many items as there are idle threads; looks again at once
   * when that filled them and a thread is idle again already, else waits for a wake-up or the poll
   * interval.
   */
  private Duration claimPass() {
    boolean full = false;
    int free = idle.availablePermits();
    if (free > 0) {
      int claimed = claimAndRun(free);
      full = claimed == free;
      backlog = full;
    }
    return full && idle.availablePermits() > 0 ? Duration.ZERO : pollInterval;
  }

  /** Claims up to {@code free} due items and hands each to an idle thread; the number claimed. */
  private int claimAndRun(int free) {
    List<OutboxItem> items;
    try {
      Instant now = clock.instant();
      items = outbox.claimDue(OutboxItem.HANDOFF, now, free, now.plus(lease));
    } catch (RuntimeException e) {
      LOG.warn("cannot claim hand-offs ({}); trying again in {}", e.toString(), pollInterval);
      return 0;
    }
    for (OutboxItem item : items) {
      idle.acquireUninterruptibly();
      try {
        pool.execute(() -> runOne(item));
      } catch (
          RuntimeException
              e) { // the pool was shut down under us: the lease runs out, another claim takes it
        idle.release();
        LOG.warn(
            "hand-off of message {} not started ({}); it is taken again after its lease",
            item.messageId(),
            e.toString());
      }
    }
    return items.size();
  }

  private void runOne(OutboxItem item) {
    try {
      handOff.accept(item);
    } catch (RuntimeException e) {
      LOG.error(
          "hand-off of message {} (outbox item {}, attempt {}) failed: {}; it is taken again after its lease "
              + "of {}",
          item.messageId(),
          item.seq(),
          item.attempts() + 1,
          e.toString(),
          lease,
          e);
    } finally {
      idle.release();
      if (backlog) {
        wake(); // the last claim filled the pool, so more may be due: look at once
      }
    }
  }

  @Override
  public String toString() {
    return "HandOffWorker[threads=" + threads + ", poll=" + pollInterval + ", lease=" + lease + "]";
  }
}

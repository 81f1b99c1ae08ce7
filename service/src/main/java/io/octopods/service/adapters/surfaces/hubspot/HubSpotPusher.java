package io.octopods.service.adapters.surfaces.hubspot;

import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.Outbox;
import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.adapters.workers.GracefulStop;
import io.octopods.service.adapters.workers.WakeSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@code hubspot} outbox: claims the head item of each message ({@link HubSpotQueue}) with a lease and
 * pushes it ({@link HubSpotPush}) on a small pool. Per message strictly in outbox order (item N+1 is not even
 * claimable before item N is done); different messages in parallel. Durable: the items are rows, so a restart (or
 * another instance) picks up whatever is left, and an item whose pusher died is taken again after its lease; the
 * event id makes a repeated push a {@code 409}, which counts as done, so nothing is pushed twice.
 *
 * <p>Under a backlog it claims once half its threads are idle, a few heads per claim. After a {@code 429} it claims
 * nothing until the wait HubSpot asked for has passed (the limit is the account's,
 * not the event's). Woken at once by {@link #wake()} and after each finished push (the message's next item may be
 * due); otherwise it looks every {@code pollInterval}, which also picks up retries whose back-off has run out.
 */
public final class HubSpotPusher implements AutoCloseable {
  /** Added to twice the timeout (a connect, then the answer) for the lease: the store's work around the call. */
  static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
  public static final int DEFAULT_THREADS = 4;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);

  private static final Logger LOG = LoggerFactory.getLogger(HubSpotPusher.class);

  private final HubSpotQueue queue;
  private final Function<OutboxItem, Optional<Instant>> push;
  private final Clock clock;
  private final Settings settings;
  private final Duration closeGrace;
  private final Semaphore idle;
  private final ExecutorService pool;
  private final WakeSignal signal = new WakeSignal();
  private volatile boolean running;
  private volatile Instant pausedUntil = Instant.MIN;
  private boolean closed;
  private Thread loop;

  /**
   * How the pusher works.
   *
   * @param threads pushes at the same time (of different messages)
   * @param pollInterval the longest wait between two looks at the outbox when nobody calls {@link #wake()}
   * @param lease how long a claimed item is ours; longer than one push can take
   */
  public record Settings(int threads, Duration pollInterval, Duration lease, HubSpotBackoff backoff) {
    public Settings {
      if (threads < 1) {
        throw new IllegalArgumentException("the HubSpot pusher needs at least one thread, was given " + threads);
      }
      if (pollInterval.isNegative() || pollInterval.isZero() || lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("poll interval and lease must be positive, were " + pollInterval + " and "
            + lease);
      }
    }

    /** {@value #DEFAULT_THREADS} threads, a lease of twice the timeout plus a margin, {@link HubSpotBackoff#DEFAULT}. */
    public static Settings defaults(Duration timeout, Duration pollInterval) {
      return new Settings(DEFAULT_THREADS, pollInterval, leaseFor(timeout), HubSpotBackoff.DEFAULT);
    }
  }

  /** The usual pusher: {@link Settings#defaults}, looking every {@link #DEFAULT_POLL_INTERVAL} when not woken. */
  public HubSpotPusher(MessageStore store, Outbox outbox, HubSpotQueue queue, HubSpotTimeline hubspot, Clock clock,
      Duration timeout) {
    this(store, outbox, queue, hubspot, clock, Settings.defaults(timeout, DEFAULT_POLL_INTERVAL));
  }

  public HubSpotPusher(MessageStore store, Outbox outbox, HubSpotQueue queue, HubSpotTimeline hubspot, Clock clock,
      Settings settings) {
    this(queue, new HubSpotPush(store, outbox, hubspot, clock, settings.backoff())::run, clock, settings);
  }

  /** @param push pushes one claimed item and completes or reschedules it; answers until when HubSpot said to pause */
  HubSpotPusher(HubSpotQueue queue, Function<OutboxItem, Optional<Instant>> push, Clock clock, Settings settings) {
    this.queue = queue;
    this.push = push;
    this.clock = clock;
    this.settings = settings;
    this.closeGrace = settings.lease().compareTo(Duration.ofSeconds(5)) < 0 ? settings.lease() : Duration.ofSeconds(5);
    this.idle = new Semaphore(settings.threads());
    this.pool = Executors.newFixedThreadPool(settings.threads(), named("octopods-hubspot-"));
  }

  /** Twice the timeout (a connect, then the answer, each may take it) plus {@link #LEASE_MARGIN}. */
  public static Duration leaseFor(Duration timeout) {
    return timeout.multipliedBy(2).plus(LEASE_MARGIN);
  }

  /** Starts the loop on a thread of its own; a second call does nothing. */
  public synchronized HubSpotPusher start() {
    if (closed) {
      throw new IllegalStateException("this HubSpot pusher was closed; make a new one");
    }
    if (loop == null) {
      running = true;
      loop = named("octopods-hubspot-pusher").newThread(this::runLoop);
      loop.start();
    }
    return this;
  }

  /** Looks at the outbox now instead of at the next poll. Cheap; safe from any thread, before or after start. */
  public void wake() {
    signal.wake();
  }

  /** Until when the pusher makes no call because HubSpot answered {@code 429}; in the past when not paused. */
  public Instant pausedUntil() {
    return pausedUntil;
  }

  /**
   * Stops claiming at once, lets pushes in flight finish for a short grace (the lease, at most 5 s), then stops the
   * pool. What is left stays in the outbox for the next start (an item cut off mid-push is taken again after its
   * lease; its event id makes the repeat harmless).
   */
  @Override
  public void close() {
    Thread l;
    synchronized (this) {
      running = false;
      closed = true;
      l = loop;
    }
    wake();
    GracefulStop.stop(l, pool, closeGrace, grace -> LOG.warn("HubSpot pushes still running {} after close; "
        + "interrupting them (their items are taken again after the lease)", grace));
  }

  private void runLoop() {
    while (running) {
      boolean full = false;
      Instant now = clock.instant();
      int free = idle.availablePermits();
      if (free >= claimAtLeast() && !now.isBefore(pausedUntil)) {
        int claimed = claimAndRun(now, free);
        full = claimed == free;
      }
      if (!full || idle.availablePermits() == 0) {
        awaitNudge();
      }
    }
  }

  /**
   * Claims wait until half the threads are idle: one claim query then serves several pushes, instead of one query
   * (and one commit) per finished push, which under a backlog competes with the webhooks for the database.
   */
  private int claimAtLeast() {
    return Math.max(1, settings.threads() / 2);
  }

  /** Claims up to {@code free} heads and hands each to an idle thread; the number claimed. */
  private int claimAndRun(Instant now, int free) {
    List<OutboxItem> items;
    try {
      items = queue.claimHeads(now, free, now.plus(settings.lease()));
    } catch (RuntimeException e) {
      LOG.warn("cannot claim HubSpot pushes ({}); trying again in {}", e.toString(), settings.pollInterval());
      return 0;
    }
    for (OutboxItem item : items) {
      idle.acquireUninterruptibly();
      try {
        pool.execute(() -> runOne(item));
      } catch (RuntimeException e) { // the pool was shut down under us: the lease runs out, another claim takes it
        idle.release();
        LOG.warn("HubSpot push of message {} not started ({}); it is taken again after its lease", item.messageId(),
            e.toString());
      }
    }
    return items.size();
  }

  private void runOne(OutboxItem item) {
    try {
      push.apply(item).ifPresent(this::pauseUntil);
    } catch (RuntimeException e) {
      LOG.error("HubSpot push of message {} (outbox item {}, attempt {}) failed: {}; it is taken again after its "
          + "lease of {}", item.messageId(), item.seq(), item.attempts() + 1, e.toString(), settings.lease(), e);
    } finally {
      idle.release();
      wake(); // the message's next item may be due now, or the pool has room again
    }
  }

  private synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  private void awaitNudge() {
    if (!signal.await(settings.pollInterval(), () -> running)) {
      running = false;
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String toString() {
    return "HubSpotPusher[threads=" + settings.threads() + ", poll=" + settings.pollInterval() + ", lease="
        + settings.lease() + "]";
  }
}

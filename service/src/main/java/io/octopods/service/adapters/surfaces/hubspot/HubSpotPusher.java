package io.octopods.service.adapters.surfaces.hubspot;

import io.octopods.service.adapters.workers.BackgroundLoop;
import io.octopods.service.adapters.workers.DaemonThreads;
import io.octopods.service.application.ports.HubSpotOutbox;
import io.octopods.service.application.ports.HubSpotOutbox.Claimed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@code hubspot} outbox in batches: each of a small pool of threads claims up to {@code
 * batchSize} heads (the oldest pending event of each message, so at most one event of a message is
 * in flight and the next is claimable only once the previous is done or a dead letter) with a
 * lease, and pushes them in one {@code batch/create} call ({@link HubSpotBatchPush}); claims of
 * several threads pass over each other's heads, so a slow claim holds back only its own call.
 * Durable: the items are rows, so a restart (or another instance) picks up whatever is left, and an
 * item whose pusher died is taken again after its lease; the event id makes a repeated push a
 * {@code 409}, which counts as done, so nothing is pushed twice.
 *
 * <p>It paces itself by HubSpot's rate-limit headers ({@link HubSpotPace}) instead of waiting to be
 * refused, and after a {@code 429} claims nothing until the wait HubSpot asked for has passed (the
 * limit is the account's). It is woken by {@link #wake()} (the store calls it after a commit that
 * queued an event) and after each finished call; otherwise it looks every {@code pollInterval},
 * which also picks up retries whose back-off has run out.
 */
public final class HubSpotPusher implements AutoCloseable {
  /**
   * Added to twice the timeout (a connect, then the answer) for the lease: follow-up calls and the
   * store's work.
   */
  static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

  public static final int DEFAULT_THREADS = 4;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);

  private static final Logger LOG = LoggerFactory.getLogger(HubSpotPusher.class);

  private final HubSpotOutbox outbox;
  private final Clock clock;
  private final Settings settings;
  private final HubSpotPace pace = new HubSpotPace();
  private final HubSpotBatchPush push;
  private final Semaphore idle;
  private final ExecutorService pool;
  private final BackgroundLoop loop;
  private volatile Instant pausedUntil = Instant.MIN;

  /**
   * How the pusher works.
   *
   * @param threads batch calls at the same time
   * @param batchSize events per call, 1 to {@value HubSpotClient#MAX_BATCH}
   * @param pollInterval the longest wait between two looks at the outbox when nobody calls {@link
   *     #wake()}
   * @param lease how long a claimed item is ours; longer than one batch with its follow-ups can
   *     take
   */
  public record Settings(
      int threads, int batchSize, Duration pollInterval, Duration lease, HubSpotBackoff backoff) {
    public Settings {
      if (threads < 1) {
        throw new IllegalArgumentException(
            "the HubSpot pusher needs at least one thread, was given " + threads);
      }
      if (batchSize < 1 || batchSize > HubSpotClient.MAX_BATCH) {
        throw new IllegalArgumentException(
            "OCTOPODS_HUBSPOT_BATCH_SIZE must be 1 to "
                + HubSpotClient.MAX_BATCH
                + " (HubSpot takes at most "
                + HubSpotClient.MAX_BATCH
                + " events a call), was "
                + batchSize);
      }
      if (pollInterval.isNegative()
          || pollInterval.isZero()
          || lease.isNegative()
          || lease.isZero()) {
        throw new IllegalArgumentException(
            "poll interval and lease must be positive, were " + pollInterval + " and " + lease);
      }
    }

    /**
     * {@value #DEFAULT_THREADS} threads, a lease of twice the timeout plus a margin, {@link
     * HubSpotBackoff#DEFAULT}.
     */
    public static Settings defaults(Duration timeout, int batchSize, Duration pollInterval) {
      return new Settings(
          DEFAULT_THREADS, batchSize, pollInterval, leaseFor(timeout), HubSpotBackoff.DEFAULT);
    }
  }

  public HubSpotPusher(
      HubSpotOutbox outbox, HubSpotTimeline hubspot, Clock clock, Settings settings) {
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
    Duration closeGrace =
        settings.lease().compareTo(Duration.ofSeconds(5)) < 0
            ? settings.lease()
            : Duration.ofSeconds(5);
    this.idle = new Semaphore(settings.threads());
    this.pool =
        Executors.newFixedThreadPool(
            settings.threads(), DaemonThreads.numbered("octopods-hubspot-"));
    this.loop =
        BackgroundLoop.named("octopods-hubspot-pusher")
            .polling(settings.pollInterval())
            .grace(closeGrace)
            .handingWorkTo(
                pool,
                grace ->
                    LOG.warn(
                        "HubSpot pushes still running {} after close; interrupting them "
                            + "(their items are taken again after the lease)",
                        grace))
            .build(this::dispatchPass);
    this.push =
        new HubSpotBatchPush(outbox, hubspot, pace, clock, settings.backoff(), loop::isRunning);
  }

  /**
   * Twice the timeout (a connect, then the answer, each may take it) plus {@link #LEASE_MARGIN}.
   */
  public static Duration leaseFor(Duration timeout) {
    return timeout.multipliedBy(2).plus(LEASE_MARGIN);
  }

  /** Starts the loop on a thread of its own; a second call does nothing. */
  public HubSpotPusher start() {
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
   * Until when the pusher makes no call because HubSpot answered {@code 429}; in the past when not
   * paused.
   */
  public Instant pausedUntil() {
    return pausedUntil;
  }

  /**
   * Stops claiming at once, lets calls in flight finish for a short grace (the lease, at most 5 s),
   * then stops the pool. What is left stays in the outbox for the next start (an item cut off
   * mid-push is taken again after its lease; its event id makes the repeat harmless).
   */
  @Override
  public void close() {
    loop.close();
  }

  /**
   * One look: when not paused, an idle thread and room in the rate window are taken and a claim
   * handed to that thread, and the loop looks again at once; otherwise it waits for a wake-up, the
   * poll interval, or until the window has room, whichever comes first.
   */
  private Duration dispatchPass() {
    Duration wait = settings.pollInterval();
    Instant now = clock.instant();
    if (!now.isBefore(pausedUntil) && idle.tryAcquire()) {
      Optional<Instant> room = pace.tryStart(now);
      if (room.isPresent()) {
        idle.release();
        wait = shorter(wait, Duration.between(now, room.get()));
      } else if (dispatch()) {
        return Duration.ZERO; // another thread may claim as soon as the pace allows
      }
    }
    return wait;
  }

  /**
   * Hands a claim and its call to an idle thread, which owns the room just taken in the rate
   * window.
   */
  private boolean dispatch() {
    try {
      pool.execute(this::claimAndPush);
      return true;
    } catch (RejectedExecutionException e) { // the pool was shut down under us
      idle.release();
      pace.cancelled();
      return false;
    }
  }

  /**
   * Claims up to a batch of heads and pushes them; wakes the loop when it found work (more may be
   * waiting).
   */
  private void claimAndPush() {
    boolean found = false;
    try {
      Instant now = clock.instant();
      List<Claimed> claimed =
          outbox.claimHeads(now, settings.batchSize(), now.plus(settings.lease()));
      found = !claimed.isEmpty();
      if (!found) {
        pace.cancelled();
        return;
      }
      try {
        push.run(claimed).ifPresent(this::pauseUntil);
      } catch (RuntimeException e) {
        LOG.error(
            "a HubSpot batch of {} events (outbox items {} ...) failed: {}; its items are taken again after "
                + "their lease of {}",
            claimed.size(),
            claimed.get(0).item().seq(),
            e.toString(),
            settings.lease(),
            e);
      }
    } catch (RuntimeException e) {
      pace.cancelled();
      LOG.warn(
          "cannot claim HubSpot pushes ({}); trying again in {}",
          e.toString(),
          settings.pollInterval());
    } finally {
      idle.release();
      if (found) {
        wake(); // the messages' next events may be claimable now, and the window may have room
      }
    }
  }

  private synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  private static Duration shorter(Duration a, Duration b) {
    Duration positive = b.isNegative() || b.isZero() ? Duration.ofMillis(1) : b;
    return positive.compareTo(a) < 0 ? positive : a;
  }

  @Override
  public String toString() {
    return "HubSpotPusher[threads="
        + settings.threads()
        + ", batch="
        + settings.batchSize()
        + ", poll="
        + settings.pollInterval()
        + ", lease="
        + settings.lease()
        + ", "
        + pace
        + "]";
  }
}

package io.octopods.service.adapters.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps orphan reports (reports for an id no message has, status-model.md section 4) for
 * {@code OCTOPODS_ORPHAN_RETENTION} from their arrival, then deletes them: one adopted by its message is in that
 * message's history already; one never adopted was for a message sent by somebody else, or one that never came.
 * Runs every quarter of the retention, at most every hour and at least every 100 ms; a run that fails (the store is
 * down) is simply tried again at the next.
 */
public final class OrphanPurge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanPurge.class);
  private static final Duration LONGEST_PAUSE = Duration.ofHours(1);
  private static final Duration SHORTEST_PAUSE = Duration.ofMillis(100);

  private final JdbcMessageStore store;
  private final Duration retention;
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "octopods-orphan-purge");
    t.setDaemon(true);
    return t;
  });

  public OrphanPurge(JdbcMessageStore store, Duration retention, Clock clock) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the orphan retention must be positive: " + retention);
    }
    this.store = store;
    this.retention = retention;
    this.clock = clock;
  }

  public OrphanPurge start() {
    long pause = pause(retention).toMillis();
    timer.scheduleWithFixedDelay(this::purgeNow, pause, pause, TimeUnit.MILLISECONDS);
    return this;
  }

  /** A quarter of the retention, within 100 ms and an hour. */
  static Duration pause(Duration retention) {
    Duration quarter = retention.dividedBy(4);
    return quarter.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE
        : quarter.compareTo(SHORTEST_PAUSE) < 0 ? SHORTEST_PAUSE : quarter;
  }

  /** Deletes the orphans past the retention now; answers how many (0 when the store cannot be reached). */
  public int purgeNow() {
    try {
      int deleted = store.purgeOrphans(clock.instant().minus(retention));
      if (deleted > 0) {
        LOG.info("deleted {} orphan report(s) older than {}", deleted, retention);
      }
      return deleted;
    } catch (RuntimeException e) {
      LOG.warn("orphan reports not purged ({}); tried again in {}", e.toString(), pause(retention));
      return 0;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

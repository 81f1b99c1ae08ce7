package io.octopods.service.adapters.persistence;

import io.octopods.service.adapters.workers.BackgroundLoop;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps orphan reports (reports for an id no message has, status-model.md section 4) for {@code
 * OCTOPODS_ORPHAN_RETENTION} from their arrival, then deletes them: one adopted by its message is
 * in that message's history already; one never adopted was for a message sent by somebody else, or
 * one that never came. Runs every quarter of the retention, at most every hour and at least every
 * 100 ms; a run that fails (the store is down) is simply tried again at the next. On close, a purge
 * in flight is given 5 s to end before it is interrupted.
 */
public final class OrphanPurge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanPurge.class);
  private static final Duration LONGEST_PAUSE = Duration.ofHours(1);
  private static final Duration SHORTEST_PAUSE = Duration.ofMillis(100);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final JdbcMessageStore store;
  private final Duration retention;
  private final Clock clock;
  private final BackgroundLoop loop;

  public OrphanPurge(JdbcMessageStore store, Duration retention, Clock clock) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the orphan retention must be positive: " + retention);
    }
    this.store = store;
    this.retention = retention;
    this.clock = clock;
    this.loop =
        BackgroundLoop.named("octopods-orphan-purge")
            .polling(pause(retention))
            .waitBeforeFirstPass()
            .grace(CLOSE_GRACE)
            .build(this::purgePass);
  }

  /**
   * Starts purging: the first purge after one pause, each next one a pause after the previous
   * ended.
   */
  public OrphanPurge start() {
    loop.start();
    return this;
  }

  /** A quarter of the retention, within 100 ms and an hour. */
  static Duration pause(Duration retention) {
    Duration quarter = retention.dividedBy(4);
    return quarter.compareTo(LONGEST_PAUSE) > 0
        ? LONGEST_PAUSE
        : quarter.compareTo(SHORTEST_PAUSE) < 0 ? SHORTEST_PAUSE : quarter;
  }

  /**
   * Deletes the orphans past the retention now; answers how many (0 when the store cannot be
   * reached).
   */
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

  private Duration purgePass() {
    purgeNow();
    return pause(retention);
  }

  @Override
  public void close() {
    loop.close();
  }
}

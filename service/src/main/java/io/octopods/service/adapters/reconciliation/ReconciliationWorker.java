package io.octopods.service.adapters.reconciliation;

import io.octopods.service.adapters.workers.BackgroundLoop;
import io.octopods.service.application.ports.ReconciliationQueries;
import io.octopods.service.application.ports.ReconciliationQueries.DueCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciliation job (edge-cases.md E1): every {@code interval} it claims, one at a time, the
 * messages of its reconciler's channel that are due for a check ({@link
 * ReconciliationQueries#claimDue}), has the reconciler ask the provider (the answer enters the
 * history as a report with source {@code reconciliation}), and records the check with the time of
 * the next one after the policy's back-off, until the bound is reached. A message whose check
 * throws (the store failed) is left leased: it is taken again when its lease runs out. Never
 * re-sends.
 */
public final class ReconciliationWorker implements AutoCloseable {
  /** Added to the longest check for the lease: the store's work around the provider's calls. */
  static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

  static final Duration SHORTEST_INTERVAL = Duration.ofMillis(20);
  static final Duration LONGEST_INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ReconciliationWorker.class);

  private final ReconciliationQueries queries;
  private final Reconciler reconciler;
  private final ReconciliationPolicy policy;
  private final Clock clock;
  private final Duration interval;
  private final Duration lease;
  private final BackgroundLoop loop;

  /** The usual worker: looks every {@link #intervalFor} the policy's {@code after}. */
  public ReconciliationWorker(
      ReconciliationQueries queries,
      Reconciler reconciler,
      ReconciliationPolicy policy,
      Clock clock) {
    this(queries, reconciler, policy, clock, intervalFor(policy.after()));
  }

  /**
   * @param interval the wait between two looks for due messages (a check is at most this late)
   */
  public ReconciliationWorker(
      ReconciliationQueries queries,
      Reconciler reconciler,
      ReconciliationPolicy policy,
      Clock clock,
      Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "the reconciliation interval must be positive, was " + interval);
    }
    this.queries = queries;
    this.reconciler = reconciler;
    this.policy = policy;
    this.clock = clock;
    this.interval = interval;
    this.lease = reconciler.longestCheck().plus(LEASE_MARGIN);
    this.loop =
        BackgroundLoop.named("octopods-reconciliation-" + reconciler.channel().provider())
            .polling(interval)
            .grace(lease.compareTo(Duration.ofSeconds(5)) < 0 ? lease : Duration.ofSeconds(5))
            .build(this::checkPass);
  }

  /**
   * A quarter of {@code reconcileAfter}, from {@value #SHORTEST_INTERVAL} up to 30 s: checks are
   * never much late.
   */
  public static Duration intervalFor(Duration reconcileAfter) {
    Duration quarter = reconcileAfter.dividedBy(4);
    if (quarter.compareTo(SHORTEST_INTERVAL) < 0) {
      return SHORTEST_INTERVAL;
    }
    return quarter.compareTo(LONGEST_INTERVAL) > 0 ? LONGEST_INTERVAL : quarter;
  }

  /** Starts the loop on a thread of its own; a second call does nothing. */
  public ReconciliationWorker start() {
    loop.start();
    return this;
  }

  /** Looks for due messages now instead of after the interval. Safe from any thread. */
  public void wake() {
    loop.wake();
  }

  /**
   * Checks every message due now, one after the other, and returns how many were checked (also
   * those whose check threw). Stops early once closed. The loop calls it; callable without {@link
   * #start()} as well.
   */
  public int checkDue() {
    int checked = 0;
    while (!loop.isClosed()) {
      Instant now = clock.instant();
      List<DueCheck> due;
      try {
        due =
            queries.claimDue(
                reconciler.channel(), now, now.minus(policy.after()), 1, now.plus(lease));
      } catch (RuntimeException e) {
        LOG.warn(
            "cannot claim messages to reconcile ({}); trying again in {}", e.toString(), interval);
        return checked;
      }
      if (due.isEmpty()) {
        return checked;
      }
      for (DueCheck d : due) {
        checkOne(d);
        checked++;
      }
    }
    return checked;
  }

  private void checkOne(DueCheck d) {
    String id = d.message().messageId();
    String outcome;
    try {
      outcome = reconciler.check(d.message());
    } catch (RuntimeException e) {
      LOG.error(
          "reconciliation of message {} failed: {}; it is taken again after its lease of {}",
          id,
          e.toString(),
          lease,
          e);
      return;
    }
    int checks = d.checksDone() + 1;
    Instant at = clock.instant();
    Optional<Instant> next = policy.nextCheck(checks, at);
    String said =
        "check "
            + checks
            + " of "
            + policy.maxChecks()
            + ": "
            + outcome
            + next.map(n -> "; next at " + n).orElse("; no more checks");
    try {
      queries.checked(d, checks, next, said, at);
    } catch (RuntimeException e) {
      LOG.error(
          "reconciliation of message {} done ({}) but not recorded: {}; it is taken again after its lease",
          id,
          said,
          e.toString(),
          e);
      return;
    }
    if (next.isEmpty()) {
      LOG.info(
          "message {} reconciled {} times, the bound; left as it is ({})", id, checks, outcome);
    } else {
      LOG.debug("message {}: {}", id, said);
    }
  }

  /**
   * Stops the loop; a check in flight is given the lease's length, at most 5 s, to end, then
   * interrupted.
   */
  @Override
  public void close() {
    loop.close();
  }

  /** One round of the loop: every due check, then a wait of the interval (or a wake-up). */
  private Duration checkPass() {
    try {
      checkDue();
    } catch (RuntimeException e) {
      LOG.error("reconciliation round failed: {}", e.toString(), e);
    }
    return interval;
  }

  @Override
  public String toString() {
    return "ReconciliationWorker["
        + reconciler.channel().provider()
        + ", interval="
        + interval
        + ", "
        + policy
        + "]";
  }
}

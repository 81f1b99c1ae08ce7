package io.octopods.service.adapters.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How patiently a message is asked about (edge-cases.md E1): the first check {@code after} its last
 * public change ({@code OCTOPODS_RECONCILE_AFTER}), then after {@code after} x 2, x 4, ... (at most
 * {@code longestWait} apart), {@code maxChecks} checks in all; then the message is left as it is (a
 * late callback still applies, E2). A check that could not reach the provider counts too, so an
 * outage cannot keep a message checked forever.
 *
 * @param after how long a message waits, after its last public change, before it is first checked
 * @param maxChecks checks in one series (one public status)
 * @param longestWait the longest wait between two checks
 */
public record ReconciliationPolicy(Duration after, int maxChecks, Duration longestWait) {
  public static final int DEFAULT_MAX_CHECKS = 5;
  public static final Duration DEFAULT_LONGEST_WAIT = Duration.ofDays(1);

  public ReconciliationPolicy {
    if (after.isNegative() || after.isZero() || longestWait.isNegative() || longestWait.isZero()) {
      throw new IllegalArgumentException(
          "reconcile-after and the longest wait must be positive, were "
              + after
              + " and "
              + longestWait);
    }
    if (maxChecks < 1) {
      throw new IllegalArgumentException(
          "reconciliation needs at least one check, was given " + maxChecks);
    }
  }

  /**
   * {@value #DEFAULT_MAX_CHECKS} checks, waits doubling from {@code after}, at most a day apart.
   */
  public static ReconciliationPolicy of(Duration after) {
    return new ReconciliationPolicy(after, DEFAULT_MAX_CHECKS, DEFAULT_LONGEST_WAIT);
  }

  /**
   * The wait after the {@code checksDone}-th check: {@code after} x 2^checksDone, at most {@code
   * longestWait}.
   */
  public Duration waitAfter(int checksDone) {
    int doublings = Math.min(Math.max(checksDone, 0), 30);
    Duration wait =
        after.toNanos() > (Long.MAX_VALUE >> doublings)
            ? longestWait
            : after.multipliedBy(1L << doublings);
    return wait.compareTo(longestWait) > 0 ? longestWait : wait;
  }

  /**
   * When to check again after {@code checksDone} checks (this one included); empty once the bound
   * is reached.
   */
  public Optional<Instant> nextCheck(int checksDone, Instant now) {
    return checksDone >= maxChecks
        ? Optional.empty()
        : Optional.of(now.plus(waitAfter(checksDone)));
  }
}

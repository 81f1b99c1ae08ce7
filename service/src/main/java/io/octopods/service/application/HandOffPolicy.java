package io.octopods.service.application;

import java.time.Duration;
import java.util.Optional;

/**
 * How often and how patiently a hand-off is retried.
 *
 * @param maxAttempts attempts before the message is {@code FAILED} with {@code handoff_exhausted}
 * @param firstBackoff the wait after the first retryable answer; doubled each time
 * @param longestBackoff the longest wait between attempts
 */
public record HandOffPolicy(int maxAttempts, Duration firstBackoff, Duration longestBackoff) {
  /**
   * The wait before attempt {@code n + 1} after {@code n} failed ones, honouring the provider's
   * {@code Retry-After}.
   */
  public Duration backoff(int failedAttempts, Optional<Duration> retryAfter) {
    Duration exponential =
        firstBackoff.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
    Duration wait = exponential.compareTo(longestBackoff) > 0 ? longestBackoff : exponential;
    return retryAfter.filter(r -> r.compareTo(wait) > 0).orElse(wait);
  }
}

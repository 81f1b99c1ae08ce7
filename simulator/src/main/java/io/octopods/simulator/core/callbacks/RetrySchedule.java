package io.octopods.simulator.core.callbacks;

import java.time.Duration;
import java.util.Optional;

/** When a provider tries a failed callback again. */
@FunctionalInterface
public interface RetrySchedule {
  RetrySchedule NONE = (failedAttempt, sinceFirst) -> Optional.empty();

  /**
   * @param failedAttempt the attempt that just failed (1 = the first try)
   * @param sinceFirst scenario time from the first try to the failed one
   * @return the wait before the next try, or empty to give up
   */
  Optional<Duration> next(int failedAttempt, Duration sinceFirst);

  /**
   * The same, knowing how the attempt failed (Twilio retries only the kinds of failure its
   * connection overrides name); by default the kind does not matter.
   *
   * @param responseCode the answer's status, or null when there was none
   */
  default Optional<Duration> next(
      int failedAttempt,
      Duration sinceFirst,
      JournaledAttempt.Outcome outcome,
      Integer responseCode) {
    return next(failedAttempt, sinceFirst);
  }
}

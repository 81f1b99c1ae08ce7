package io.octopods.simulator.viber;

import io.octopods.simulator.core.callbacks.RetrySchedule;
import java.time.Duration;
import java.util.Optional;

/**
 * Viber's simulated retries: 3 retries 5 s apart, then one every 60 s until 1 hour after the first
 * attempt.
 */
final class ViberRetrySchedule implements RetrySchedule {
  static final int QUICK_RETRIES = 3;
  static final Duration QUICK = Duration.ofSeconds(5);
  static final Duration SLOW = Duration.ofSeconds(60);
  static final Duration GIVE_UP = Duration.ofHours(1);

  @Override
  public Optional<Duration> next(int failedAttempt, Duration sinceFirst) {
    Duration wait = failedAttempt <= QUICK_RETRIES ? QUICK : SLOW;
    return sinceFirst.plus(wait).compareTo(GIVE_UP) > 0 ? Optional.empty() : Optional.of(wait);
  }
}

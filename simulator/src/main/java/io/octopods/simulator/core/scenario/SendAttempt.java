package io.octopods.simulator.core.scenario;

import java.time.Duration;
import java.util.Optional;

/** How the provider's send API answers one attempt. */
public record SendAttempt(
    Respond respond,
    Duration delay,
    Optional<String> error,
    Optional<Integer> httpStatus,
    Optional<Duration> retryAfter) {

  public static final SendAttempt ACCEPT =
      new SendAttempt(Respond.ACCEPT, Duration.ZERO, Optional.empty(), Optional.empty(), Optional.empty());

  /** What the send API does. */
  public enum Respond {
    ACCEPT, REJECT, THROTTLE, SERVER_ERROR, TIMEOUT;

    public static Respond of(String word) {
      return valueOf(word.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /** Callbacks follow this answer (a reject only with {@code callbacks_on_reject}). */
    public boolean startsCallbacks(boolean callbacksOnReject) {
      return this == ACCEPT || this == TIMEOUT || (this == REJECT && callbacksOnReject);
    }
  }
}

package io.octopods.simulator.core.scenario;

import java.time.Duration;
import java.util.Optional;

/**
 * How the provider's send API answers one attempt.
 *
 * @param accepted the provider created the message although its answer says otherwise ({@code
 *     server-error}, {@code timeout}); always true for {@code accept}, false for {@code reject} and
 *     {@code throttle}
 */
public record SendAttempt(
    Respond respond,
    Duration delay,
    Optional<String> error,
    Optional<Integer> httpStatus,
    Optional<Duration> retryAfter,
    boolean accepted) {

  public static final SendAttempt ACCEPT =
      new SendAttempt(
          Respond.ACCEPT,
          Duration.ZERO,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          true);

  /** What the send API does. */
  public enum Respond {
    ACCEPT,
    REJECT,
    THROTTLE,
    SERVER_ERROR,
    TIMEOUT;

    public static Respond of(String word) {
      return valueOf(word.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * Whether a scenario may say {@code accepted} on this answer (the answer hides what the
     * provider did).
     */
    public boolean mayBeAccepted() {
      return this == SERVER_ERROR || this == TIMEOUT;
    }

    /**
     * {@code accepted} when the scenario leaves it out: a timeout was accepted, a server error was
     * not.
     */
    public boolean acceptedByDefault() {
      return this == ACCEPT || this == TIMEOUT;
    }
  }

  /**
   * Whether this attempt creates a provider message (with its id and callbacks): an accepted one,
   * or a reject that {@code callbacks_on_reject} follows with callbacks about it (F1).
   */
  public boolean createsMessage(boolean callbacksOnReject) {
    return accepted || (respond == Respond.REJECT && callbacksOnReject);
  }
}

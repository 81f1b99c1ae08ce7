package io.octopods.simulator.twilio;

import io.octopods.simulator.core.callbacks.JournaledAttempt.Outcome;
import io.octopods.simulator.core.callbacks.RetrySchedule;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's webhook connection overrides in the StatusCallback fragment (providers.md 1.9), as far
 * as retries go: {@code rc} the retry count (0 to 5, default 1) and {@code rp} the retry policy
 * ({@code 4xx}, {@code 5xx}, {@code ct}, {@code rt}, {@code all}, comma-separated; Twilio's default
 * is unconfirmed, integrators report connection time-outs only, so {@code ct}). Retries follow one
 * second apart on the scenario clock, with the same bytes and signature. The timeout keys ({@code
 * ct}, {@code rt}, {@code tt} in ms), {@code e} and {@code sni} are not simulated; an invalid
 * {@code rc} or {@code rp} makes the overrides ignored (Twilio raises 11243 and does not retry).
 * Without overrides Twilio's default as integrators report it [3P] applies: one retry, after a
 * connection failure only ({@link #DEFAULT}).
 */
record ConnectionOverrides(int retryCount, Set<Failure> retryOn) {
  static final int DEFAULT_RETRY_COUNT = 1;
  static final int MAX_RETRY_COUNT = 5;
  static final Duration RETRY_WAIT = Duration.ofSeconds(1);

  /** What Twilio does when the URL names no {@code rc} or {@code rp}: {@code rc=1&rp=ct}. */
  static final ConnectionOverrides DEFAULT =
      new ConnectionOverrides(DEFAULT_RETRY_COUNT, EnumSet.of(Failure.CONNECT_TIMEOUT));

  /** The kinds of failure {@code rp} names. */
  enum Failure {
    CLIENT_ERROR("4xx"),
    SERVER_ERROR("5xx"),
    CONNECT_TIMEOUT("ct"),
    READ_TIMEOUT("rt");

    private final String word;

    Failure(String word) {
      this.word = word;
    }

    /**
     * The kind of a failed attempt: an answer outside 2xx, a connection that failed, or no answer
     * in time.
     */
    static Optional<Failure> of(Outcome outcome, Integer responseCode) {
      return switch (outcome) {
        case CONNECT_ERROR -> Optional.of(CONNECT_TIMEOUT);
        case TIMEOUT -> Optional.of(READ_TIMEOUT);
        case ANSWERED ->
            responseCode == null || responseCode / 100 == 2
                ? Optional.empty()
                : responseCode / 100 == 5
                    ? Optional.of(SERVER_ERROR)
                    : responseCode / 100 == 4 ? Optional.of(CLIENT_ERROR) : Optional.empty();
        case DROPPED, RENDER_ERROR -> Optional.empty();
      };
    }
  }

  /**
   * The retries of a message with this StatusCallback: its overrides; Twilio's default when it
   * names none; none when they are invalid.
   */
  static RetrySchedule scheduleFor(String statusCallback) {
    if (retryKeys(statusCallback).isEmpty()) {
      return DEFAULT.schedule();
    }
    return of(statusCallback).map(ConnectionOverrides::schedule).orElse(RetrySchedule.NONE);
  }

  /** The overrides a StatusCallback URL carries, if any (and if they are valid). */
  static Optional<ConnectionOverrides> of(String statusCallback) {
    Optional<FormParams> keys = retryKeys(statusCallback);
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    FormParams params = keys.get();
    Optional<String> rc = params.first("rc");
    Optional<String> rp = params.first("rp");
    int count = DEFAULT_RETRY_COUNT;
    if (rc.isPresent()) {
      if (!rc.get().matches("[0-5]")) {
        return Optional.empty();
      }
      count = Integer.parseInt(rc.get());
    }
    Set<Failure> on = EnumSet.of(Failure.CONNECT_TIMEOUT);
    if (rp.isPresent()) {
      on = EnumSet.noneOf(Failure.class);
      for (String word : rp.get().toLowerCase(Locale.ROOT).split(",")) {
        String w = word.trim();
        if (w.equals("all")) {
          on.addAll(EnumSet.allOf(Failure.class));
          continue;
        }
        Optional<Failure> kind =
            java.util.Arrays.stream(Failure.values()).filter(f -> f.word.equals(w)).findFirst();
        if (kind.isEmpty()) {
          return Optional.empty();
        }
        on.add(kind.get());
      }
    }
    return Optional.of(new ConnectionOverrides(count, on));
  }

  /** The fragment's parameters when it names {@code rc} or {@code rp}. */
  private static Optional<FormParams> retryKeys(String statusCallback) {
    return CallbackUrl.fragment(statusCallback)
        .filter(f -> !f.isEmpty())
        .map(FormParams::parse)
        .filter(p -> p.first("rc").isPresent() || p.first("rp").isPresent());
  }

  /**
   * The wait before the next try after {@code failedAttempt} (1 = the first try) failed this way,
   * if any.
   */
  Optional<Duration> next(int failedAttempt, Optional<Failure> failure) {
    boolean named = failure.map(retryOn::contains).orElse(false);
    return named && failedAttempt <= retryCount ? Optional.of(RETRY_WAIT) : Optional.empty();
  }

  /** The schedule the dispatcher asks: the exact rule when it says how the attempt failed. */
  RetrySchedule schedule() {
    return new RetrySchedule() {
      @Override
      public Optional<Duration> next(
          int failedAttempt, Duration sinceFirst, Outcome outcome, Integer responseCode) {
        return ConnectionOverrides.this.next(failedAttempt, Failure.of(outcome, responseCode));
      }

      /** Asked without the failure: any failure counts as one {@code rp} names. */
      @Override
      public Optional<Duration> next(int failedAttempt, Duration sinceFirst) {
        return retryOn.isEmpty() || failedAttempt > retryCount
            ? Optional.empty()
            : Optional.of(RETRY_WAIT);
      }
    };
  }
}

package io.octopods.simulator.hubspot;

import io.octopods.simulator.core.clock.ScenarioClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The limits of {@code POST /__sim/hubspot/limits}: at most {@code per_10s} calls in a rolling 10 s
 * window of the scenario clock (so the virtual clock drives it), and the next {@code fail_next}
 * calls failing with {@code fail_status} after {@code fail_delay} (wall clock). Only admitted calls
 * count (an injected failure is admitted); a rate-limited one neither counts nor stores anything.
 * Thread-safe.
 */
final class HubSpotRateLimit {
  static final Duration WINDOW = Duration.ofSeconds(10);

  /**
   * What {@code X-HubSpot-RateLimit-Max} reports while no limit is set (HubSpot's default; not
   * enforced).
   */
  static final int NOMINAL_MAX = 100;

  private final ScenarioClock clock;
  private final List<Instant> admitted = new ArrayList<>();
  private Settings settings = Settings.NONE;

  HubSpotRateLimit(ScenarioClock clock) {
    this.clock = clock;
  }

  /**
   * The settings; {@code per10s} empty means no limit.
   *
   * @param policy the {@code policyName} of the 429 body: {@code TEN_SECONDLY_ROLLING} or {@code
   *     DAILY}
   * @param failDelay how long an injected failure holds the call before it answers (or resets), on
   *     the wall clock
   */
  record Settings(
      Optional<Integer> per10s,
      String policy,
      Optional<Duration> retryAfter,
      int failNext,
      FailStatus failStatus,
      Duration failDelay) {
    static final Settings NONE =
        new Settings(
            Optional.empty(),
            "TEN_SECONDLY_ROLLING",
            Optional.empty(),
            0,
            FailStatus.DEFAULT,
            Duration.ZERO);

    Settings afterOneFailure() {
      return new Settings(per10s, policy, retryAfter, failNext - 1, failStatus, failDelay);
    }
  }

  /** What happens to one call, and the numbers for the rate headers. */
  record Verdict(
      Outcome outcome,
      int max,
      int remaining,
      String policy,
      Optional<Duration> retryAfter,
      FailStatus failStatus,
      Duration failDelay,
      int failuresLeft) {}

  enum Outcome {
    ADMITTED,
    RATE_LIMITED,
    FAILED
  }

  /** Counts one call (unless it is refused) and says what to answer. */
  synchronized Verdict admit() {
    prune();
    Settings s = settings;
    int max = s.per10s().orElse(NOMINAL_MAX);
    if (s.per10s().isPresent() && admitted.size() >= max) {
      return verdict(Outcome.RATE_LIMITED, max, 0, s, s.failNext());
    }
    admitted.add(clock.now());
    int remaining = Math.max(0, max - admitted.size());
    if (s.failNext() > 0) {
      settings = s.afterOneFailure();
      return verdict(Outcome.FAILED, max, remaining, s, s.failNext() - 1);
    }
    return verdict(Outcome.ADMITTED, max, remaining, s, 0);
  }

  /** The numbers for the rate headers without counting a call (an unauthenticated one). */
  synchronized Verdict peek() {
    prune();
    Settings s = settings;
    int max = s.per10s().orElse(NOMINAL_MAX);
    return verdict(Outcome.ADMITTED, max, Math.max(0, max - admitted.size()), s, s.failNext());
  }

  private static Verdict verdict(
      Outcome outcome, int max, int remaining, Settings s, int failuresLeft) {
    return new Verdict(
        outcome,
        max,
        remaining,
        s.policy(),
        s.retryAfter(),
        s.failStatus(),
        s.failDelay(),
        failuresLeft);
  }

  synchronized Settings settings() {
    return settings;
  }

  /** New settings; with {@code restartWindow} the calls made so far no longer count. */
  synchronized void set(Settings next, boolean restartWindow) {
    settings = next;
    if (restartWindow) {
      admitted.clear();
    }
  }

  synchronized void reset() {
    settings = Settings.NONE;
    admitted.clear();
  }

  private void prune() {
    Instant since = clock.now().minus(WINDOW);
    admitted.removeIf(t -> !t.isAfter(since));
  }
}

package io.octopods.service.adapters.surfaces.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * Keeps the pusher within HubSpot's rate limit instead of waiting to be refused. It learns the
 * limit from the answers' rate-limit headers (at most {@code max} calls per {@code interval},
 * {@code remaining} left) and counts its own calls, each from when its answer came (HubSpot counted
 * it a little before), so a call starts only when the window has room. Calls start evenly, at most
 * one every {@code interval / max} of real time, so a backlog is worked off at HubSpot's rate
 * rather than in a burst that spends the window and then leaves new events waiting for most of it
 * (the window is counted on the service's clock, as HubSpot's answers are; the spacing only spreads
 * calls). Calls of other clients of the same account use the same budget; HubSpot's {@code
 * remaining} tells of them, and the pace then waits until one of its own calls has left the window.
 * Thread-safe.
 */
final class HubSpotPace {
  private final PriorityQueue<Instant> answered = new PriorityQueue<>();
  private Optional<RateWindow> window = Optional.empty();
  private List<Instant> countedInWindow = List.of();
  private Instant windowSeenAt = Instant.MIN;
  private final LongSupplier nanoTime;
  private long lastStart;
  private long startBefore;
  private boolean started;
  private boolean startedBefore;

  HubSpotPace() {
    this(System::nanoTime);
  }

  /**
   * @param nanoTime real time for the spacing of calls, as {@link System#nanoTime()}
   */
  HubSpotPace(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  private int inFlight;
  private int startedSinceWindow;

  /**
   * Starts a call at {@code now} when the window has room (answers empty), else answers when to
   * look again (a call ending may free room sooner). A started call is {@link #ended} or {@link
   * #cancelled}.
   */
  synchronized Optional<Instant> tryStart(Instant now) {
    long nanos = nanoTime.getAsLong();
    Optional<Instant> wait = waitUntil(now).or(() -> evenly(now, nanos));
    if (wait.isEmpty()) {
      inFlight++;
      startedSinceWindow++;
      startBefore = lastStart;
      startedBefore = started;
      lastStart = nanos;
      started = true;
    }
    return wait;
  }

  private Optional<Instant> waitUntil(Instant now) {
    if (window.isEmpty()) {
      return Optional.empty();
    }
    RateWindow w = window.get();
    forgetBefore(now, w);
    if (answered.size() + inFlight >= w.max()) {
      return Optional.of(
          answered.isEmpty() ? now.plus(w.interval()) : answered.peek().plus(w.interval()));
    }
    long leftSince =
        countedInWindow.stream().filter(t -> !t.plus(w.interval()).isAfter(now)).count();
    if (w.remaining() - startedSinceWindow + leftSince <= 0) {
      return Optional.of(
          countedInWindow.stream()
              .map(t -> t.plus(w.interval()))
              .filter(t -> t.isAfter(now))
              .min(Instant::compareTo)
              .orElse(windowSeenAt.plus(w.interval())));
    }
    return Optional.empty();
  }

  /** A started call was not made after all. */
  synchronized void cancelled() {
    inFlight = Math.max(0, inFlight - 1);
    startedSinceWindow = Math.max(0, startedSinceWindow - 1);
    lastStart = startBefore;
    started = startedBefore;
  }

  /** A started call ended at {@code at}, with HubSpot's rate headers when it sent them. */
  synchronized void ended(Optional<RateWindow> headers, Instant at) {
    inFlight = Math.max(0, inFlight - 1);
    answered.add(at);
    if (headers.isPresent()) {
      window = headers;
      windowSeenAt = at;
      forgetBefore(at, headers.get());
      countedInWindow = new ArrayList<>(answered);
      startedSinceWindow = inFlight;
    }
  }

  /**
   * When the next call may start so that calls are spread evenly over the window; empty when now.
   */
  private Optional<Instant> evenly(Instant now, long nanos) {
    if (window.isEmpty() || !started) {
      return Optional.empty();
    }
    long left =
        window.get().interval().dividedBy(window.get().max()).toNanos() - (nanos - lastStart);
    return left > 0 ? Optional.of(now.plusNanos(left)) : Optional.empty();
  }

  /** Drops the calls that have left the window at {@code now}. */
  private void forgetBefore(Instant now, RateWindow w) {
    while (!answered.isEmpty() && !answered.peek().plus(w.interval()).isAfter(now)) {
      answered.poll();
    }
  }

  @Override
  public synchronized String toString() {
    return "HubSpotPace["
        + window.map(w -> w.max() + " per " + w.interval()).orElse("no limit known yet")
        + ", "
        + answered.size()
        + " answered in the window, "
        + inFlight
        + " in flight]";
  }
}

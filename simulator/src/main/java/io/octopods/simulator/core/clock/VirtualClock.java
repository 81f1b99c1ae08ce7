package io.octopods.simulator.core.clock;

import java.time.Duration;
import java.time.Instant;

/** Time that moves only when told: nothing falls due until the clock is advanced. */
public final class VirtualClock implements ScenarioClock {
  private volatile Instant now;

  VirtualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  /** Moves the clock forward to an instant (never back). */
  public void moveTo(Instant instant) {
    if (instant.isAfter(now)) {
      now = instant;
    }
  }

  @Override
  public String mode() {
    return "virtual";
  }

  @Override
  public double timeScale() {
    return 1.0;
  }

  @Override
  public Duration wallDelayUntil(Instant due) {
    return Duration.ZERO;
  }
}

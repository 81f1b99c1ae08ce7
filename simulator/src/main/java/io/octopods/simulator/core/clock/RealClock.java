package io.octopods.simulator.core.clock;

import java.time.Duration;
import java.time.Instant;

/** Wall time, optionally compressed: with a time scale of 0.01 a 30 s script plays in 300 ms. */
final class RealClock implements ScenarioClock {
  private final double timeScale;
  private final Instant origin = Instant.now();
  private final long originNanos = System.nanoTime();

  RealClock(double timeScale) {
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("--time-scale must be above 0, was " + timeScale);
    }
    this.timeScale = timeScale;
  }

  @Override
  public Instant now() {
    long wall = System.nanoTime() - originNanos;
    return origin.plusNanos((long) (wall / timeScale));
  }

  @Override
  public String mode() {
    return "real";
  }

  @Override
  public double timeScale() {
    return timeScale;
  }

  @Override
  public Duration wallDelayUntil(Instant due) {
    Duration ahead = Duration.between(now(), due);
    return ahead.isNegative()
        ? Duration.ZERO
        : Duration.ofNanos((long) (ahead.toNanos() * timeScale));
  }
}

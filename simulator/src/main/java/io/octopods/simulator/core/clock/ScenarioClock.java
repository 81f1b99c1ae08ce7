package io.octopods.simulator.core.clock;

import java.time.Duration;
import java.time.Instant;

/** The one clock of a simulator process: scenario time, on which callbacks fall due. */
public interface ScenarioClock {
  Instant now();

  /** {@code real} or {@code virtual}. */
  String mode();

  /** Wall time per unit of scenario time (1.0 unless compressed). */
  double timeScale();

  /** How long to wait on the wall clock until a scenario instant; a virtual clock never waits. */
  Duration wallDelayUntil(Instant due);

  static ScenarioClock real(double timeScale) {
    return new RealClock(timeScale);
  }

  static VirtualClock virtual() {
    return new VirtualClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }
}

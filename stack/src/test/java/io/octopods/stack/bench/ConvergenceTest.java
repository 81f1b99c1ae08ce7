package io.octopods.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConvergenceTest {
  @Test
  void aimsThePublicChangesAtFourFifthsOfHubSpotsCapacity() {
    // 1000 events/s, 1.25 public changes per callback: 800 events/s are 640 callbacks/s
    assertThat(Convergence.rate(1000, 1.25, 2500)).isEqualTo(640.0);
  }

  @Test
  void neverAboveTheServicesOwnSteadyRate() {
    assertThat(Convergence.rate(100_000, 1.0, 2500)).isEqualTo(2500.0);
  }

  @Test
  void anUnlimitedHubSpotRunsAtTheSteadyRate() {
    assertThat(Convergence.rate(Double.NaN, 1.0, 2500)).isEqualTo(2500.0);
    assertThat(Convergence.rate(1000, 0, 2500)).isEqualTo(2500.0);
  }
}

package io.octopods.service.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PerKeyRateLimitTest {
  private final ManualClock clock = ManualClock.standingAt(Instant.parse("2026-11-26T10:00:00Z"));

  @Test
  void aKeyMayBurstUpToTheLimitThenWaitsForTheNextToken() {
    PerKeyRateLimit limit = new PerKeyRateLimit(4, clock);
    for (int i = 0; i < 4; i++) {
      assertThat(limit.take("k")).isEmpty();
    }
    assertThat(limit.take("k")).contains(Duration.ofMillis(250));
    clock.advance(Duration.ofMillis(100));
    assertThat(limit.take("k")).contains(Duration.ofMillis(150));
    clock.advance(Duration.ofMillis(150));
    assertThat(limit.take("k")).isEmpty();
    assertThat(limit.take("other")).as("each key has its own bucket").isEmpty();
  }

  @Test
  void aClockThatGoesBackRefillsNothing() {
    PerKeyRateLimit limit = new PerKeyRateLimit(1, clock);
    assertThat(limit.take("k")).isEmpty();
    clock.advance(Duration.ofSeconds(-10));
    assertThat(limit.take("k")).isPresent();
  }

  @Test
  void zeroIsOffAndANegativeLimitIsRefused() {
    PerKeyRateLimit off = new PerKeyRateLimit(0, clock);
    for (int i = 0; i < 1_000; i++) {
      assertThat(off.take("k")).isEmpty();
    }
    assertThatThrownBy(() -> new PerKeyRateLimit(-1, clock))
        .hasMessageContaining("OCTOPODS_RATE_LIMIT");
  }
}

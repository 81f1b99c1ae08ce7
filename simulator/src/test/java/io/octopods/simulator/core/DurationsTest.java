package io.octopods.simulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsTheShortFormsAndIso8601() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("3d")).isEqualTo(Duration.ofDays(3));
    assertThat(Durations.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("P1DT2H")).isEqualTo(Duration.ofHours(26));
  }

  @Test
  void refusesAnythingElseSayingWhatToWrite() {
    assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("250ms, 2s, 5m, 1h, 1d");
    assertThatThrownBy(() -> Durations.parse("-PT1S")).hasMessageContaining("negative");
  }
}

package io.octopods.simulator.viber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ViberRetryScheduleTest {
  private final ViberRetrySchedule schedule = new ViberRetrySchedule();

  @Test
  void threeQuickRetriesThenOneAMinute() {
    assertThat(schedule.next(1, Duration.ZERO)).hasValue(Duration.ofSeconds(5));
    assertThat(schedule.next(3, Duration.ofSeconds(10))).hasValue(Duration.ofSeconds(5));
    assertThat(schedule.next(4, Duration.ofSeconds(15))).hasValue(Duration.ofSeconds(60));
  }

  @Test
  void givesUpWhenTheNextTryWouldFallMoreThanAnHourAfterTheFirst() {
    assertThat(schedule.next(62, Duration.ofSeconds(3540))).hasValue(Duration.ofSeconds(60));
    assertThat(schedule.next(63, Duration.ofSeconds(3555))).isEmpty();
  }
}

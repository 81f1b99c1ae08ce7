package io.octopods.service.adapters.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconciliationPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-05T05:01:45Z");

  @Test
  void waitsDoubleFromReconcileAfterAndStopAtTheBound() {
    ReconciliationPolicy p = ReconciliationPolicy.of(Duration.ofMinutes(10));

    assertThat(p.maxChecks()).isEqualTo(5);
    assertThat(p.nextCheck(1, NOW)).contains(NOW.plus(Duration.ofMinutes(20)));
    assertThat(p.nextCheck(2, NOW)).contains(NOW.plus(Duration.ofMinutes(40)));
    assertThat(p.nextCheck(3, NOW)).contains(NOW.plus(Duration.ofMinutes(80)));
    assertThat(p.nextCheck(4, NOW)).contains(NOW.plus(Duration.ofMinutes(160)));
    assertThat(p.nextCheck(5, NOW)).as("five checks in all").isEmpty();
    assertThat(p.nextCheck(6, NOW)).isEmpty();
  }

  @Test
  void aWaitIsNeverLongerThanTheLongestAndNeverOverflows() {
    ReconciliationPolicy p =
        new ReconciliationPolicy(Duration.ofHours(1), 100, Duration.ofHours(6));

    assertThat(p.waitAfter(1)).isEqualTo(Duration.ofHours(2));
    assertThat(p.waitAfter(3)).isEqualTo(Duration.ofHours(6));
    assertThat(p.waitAfter(62)).isEqualTo(Duration.ofHours(6));
    assertThat(p.waitAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void nonsenseIsRefusedWithTheValues() {
    assertThatThrownBy(() -> ReconciliationPolicy.of(Duration.ZERO)).hasMessageContaining("PT0S");
    assertThatThrownBy(() -> new ReconciliationPolicy(Duration.ofMinutes(1), 0, Duration.ofDays(1)))
        .hasMessageContaining("0");
  }

  @Test
  void theWorkerLooksAQuarterOfReconcileAfterWithinBounds() {
    assertThat(ReconciliationWorker.intervalFor(Duration.ofMinutes(10)))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(ReconciliationWorker.intervalFor(Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(ReconciliationWorker.intervalFor(Duration.ofMillis(10)))
        .isEqualTo(Duration.ofMillis(20));
  }
}

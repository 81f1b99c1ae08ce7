package io.octopods.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void printsEveryKeyInItsOrderWhateverTheOrderTheyWereSet() {
    Summary s =
        new Summary()
            .put("driver_cpu_ms_per_callback", 0.1234, 3)
            .put("callbacks_per_s", 3146.4, 0)
            .put("lost", 0);

    assertThat(s.lines()).hasSize(22);
    assertThat(s.lines().get(0)).isEqualTo("callbacks_per_s: 3146");
    assertThat(s.lines().get(8)).isEqualTo("lost: 0");
    assertThat(s.lines().get(9)).isEqualTo("hubspot_events_per_s: n/a");
    assertThat(s.lines().get(21)).isEqualTo("driver_cpu_ms_per_callback: 0.123");
    assertThat(s.nothingLost()).isTrue();
  }

  @Test
  void anUnmeasuredFigureReadsNotAvailable() {
    Summary s = new Summary().put("db_cpu_ms_per_report", Double.NaN, 3).put("lost", 2);

    assertThat(s.get("db_cpu_ms_per_report")).isEqualTo("n/a");
    assertThat(s.nothingLost()).isFalse();
    assertThat(new Summary().nothingLost()).isFalse();
  }

  @Test
  void anUnknownKeyIsRefused() {
    assertThatThrownBy(() -> new Summary().put("ceiling_per_sec", 1.0, 0))
        .hasMessageContaining("no summary key 'ceiling_per_sec'");
  }
}

package io.octopods.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresLogTest {
  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void pairsEachStartWithItsCompletion() {
    List<PostgresLog.Checkpoint> checkpoints =
        PostgresLog.parse(
            List.of(
                "2026-12-07 17:15:58.659 UTC [2232] LOG:  database system is ready to accept connections",
                "2026-12-07 17:20:58.757 UTC [2233] LOG:  checkpoint starting: time",
                "2026-12-07 17:21:40.100 UTC [2233] LOG:  checkpoint complete: wrote 3 buffers (0.0%); write=0.101 s",
                "2026-12-07 17:22:00.000 UTC [2233] LOG:  checkpoint starting: wal"));

    assertThat(checkpoints)
        .containsExactly(
            new PostgresLog.Checkpoint(
                at("2026-12-07T17:20:58.757Z"),
                at("2026-12-07T17:21:40.100Z"),
                "time",
                "wrote 3 buffers (0.0%); write=0.101 s"),
            new PostgresLog.Checkpoint(at("2026-12-07T17:22:00Z"), -1, "wal", ""));
  }

  @Test
  void aCheckpointStillRunningOverlapsEverythingAfterItsStart() {
    PostgresLog.Checkpoint running = new PostgresLog.Checkpoint(1_000, -1, "wal", "");
    PostgresLog.Checkpoint done = new PostgresLog.Checkpoint(1_000, 2_000, "time", "");

    assertThat(running.overlaps(5_000, 6_000)).isTrue();
    assertThat(done.overlaps(1_500, 6_000)).isTrue();
    assertThat(done.overlaps(2_001, 6_000)).isFalse();
    assertThat(done.overlaps(0, 1_000)).isFalse();
  }
}

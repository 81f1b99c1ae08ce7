package io.octopods.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HubSpotBacklogTest {
  @Test
  void countsOnlyTheSpansThatStartedWithAFullBatchPendingInsideTheWindow() {
    HubSpotEvents events = new HubSpotEvents();
    for (long t = 0; t < 4_000; t += 10) {
      events.created("m" + t + "-SENT", t); // 100 events a second
    }
    List<HubSpotBacklog.Sample> samples =
        List.of(
            new HubSpotBacklog.Sample(0, 500),
            new HubSpotBacklog.Sample(1_000, 99),
            new HubSpotBacklog.Sample(2_000, 700),
            new HubSpotBacklog.Sample(3_000, 100),
            new HubSpotBacklog.Sample(4_000, 0));

    HubSpotBacklog.Throughput t =
        HubSpotBacklog.whileBacklogged(samples, 100, 500, 3_500, events::createdBetween);

    // [500, 1000) and [2000, 3500): 2 s with a full batch pending; [1000, 2000) had less
    assertThat(t.seconds()).isEqualTo(2.0);
    assertThat(t.events()).isEqualTo(200);
    assertThat(t.perSecond()).isEqualTo(100.0);
  }

  @Test
  void theFirstEventShowingAStatusIsFoundByMessage() {
    HubSpotEvents events = new HubSpotEvents();
    events.created("3f1c-aa-DELIVERED", 50);
    events.created("3f1c-aa-SENT", 40);
    events.created("3f1c-aa-UNKNOWN", 10);
    events.created("nodash", 5); // not an event id of ours: ignored

    assertThat(events.firstShowing("3f1c-aa", "SENT")).hasValue(40);
    assertThat(events.firstShowing("3f1c-aa", "DELIVERED")).hasValue(50);
    assertThat(events.firstShowing("3f1c-aa", "READ")).isEmpty();
    assertThat(events.firstShowing("other", "SENT")).isEmpty();
    assertThat(events.total()).isEqualTo(3);
  }

  @Test
  void pacingTellsABurstFromSpreadCalls() {
    HubSpotEvents burst = new HubSpotEvents();
    HubSpotEvents spread = new HubSpotEvents();
    for (int i = 0; i < 100; i++) {
      burst.called(201, 1_000 + 10L * i); // the whole window's budget in one second
      spread.called(i % 10 == 0 ? 429 : 201, 100L * i);
    }

    assertThat(burst.pacing(0, 10_000))
        .isEqualTo(
            "100 calls in 10.0 s: at most 100 in one second, at most 8.0 s " + "without one");
    assertThat(spread.pacing(0, 10_000))
        .isEqualTo("100 calls in 10.0 s: at most 10 in one second, at most 0.1 s " + "without one");
    assertThat(spread.tally().calls()).containsEntry(201, 90L).containsEntry(429, 10L);
  }
}

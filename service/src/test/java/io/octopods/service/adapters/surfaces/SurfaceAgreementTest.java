package io.octopods.service.adapters.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.surfaces.hubspot.HubSpotEvent;
import io.octopods.service.adapters.surfaces.intercom.IntercomRoutes;
import io.octopods.service.adapters.surfaces.reach.ReachRoutes;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The surfaces read one stored status and show the same row of status-model.md, section 5, whatever
 * times the message reached its statuses at: the API status, the HubSpot token, the Intercom Inbox
 * label and the Reach step.
 */
class SurfaceAgreementTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  /** Section 5, written out from the spec: API and HubSpot token, Inbox label, Reach step. */
  private static final Map<Status, List<String>> TABLE =
      Map.of(
          Status.QUEUED, List.of("UNKNOWN", "Send Attempted", "Queued"),
          Status.UNKNOWN, List.of("UNKNOWN", "Send Attempted", "Queued"),
          Status.SENT, List.of("SENT", "Sent", "Sent"),
          Status.DELIVERED, List.of("DELIVERED", "Delivered", "Delivered"),
          Status.READ, List.of("READ", "Read", "Read"),
          Status.FAILED, List.of("FAILED", "Delivery Failed", "Failed"),
          Status.DELETED, List.of("DELETED", "Deleted", "Deleted"));

  private static final Set<String> STEPS =
      Set.of("Queued", "Sent", "Delivered", "Read", "Failed", "Deleted");

  /**
   * I1 (every surface shows only the six statuses or their labels) and I10 (surface agreement:
   * Intercom, HubSpot, Reach and the API show the same status), for any stored status and any set
   * of times reached.
   */
  @Property(tries = 300)
  void i1_i10_everySurfaceShowsTheSameRowOfTheTable(
      @ForAll Status status,
      @ForAll Channel channel,
      @ForAll("reached") Map<Status, Instant> reached) {
    MessageRecord m =
        new MessageRecord(
            "00000000-0000-4000-8000-000000000001",
            "demo",
            channel,
            "+15551230001",
            "hi",
            Optional.of("ann@example.com"),
            Optional.of("p-1"),
            status,
            T0,
            T0,
            Optional.empty(),
            reached);
    List<String> row = TABLE.get(status);

    assertThat(m.status().publicName()).as("API").isEqualTo(row.get(0));
    assertThat(HubSpotEvent.of(m, "ann@example.com", m.status(), T0).tokens().get("status"))
        .as("HubSpot")
        .isEqualTo(row.get(0));
    assertThat(IntercomRoutes.deliveryStatus(m).path("delivery_status").path("label").asText())
        .as("Intercom")
        .isEqualTo(row.get(1));
    JsonNode timeline = ReachRoutes.timeline(m);
    assertThat(timeline.path("current").asText()).as("Reach").isEqualTo(row.get(2));
    assertThat(timeline.path("terminal").asBoolean())
        .as("Reach closed")
        .isEqualTo(status.isTerminal());
    timeline.path("steps").forEach(step -> assertThat(step.path("step").asText()).isIn(STEPS));
  }

  @Provide
  Arbitrary<Map<Status, Instant>> reached() {
    return Arbitraries.subsetOf(Status.values())
        .flatMap(
            statuses ->
                Arbitraries.longs()
                    .between(0, 86_400)
                    .list()
                    .ofSize(statuses.size())
                    .map(
                        seconds -> {
                          Map<Status, Instant> times = new EnumMap<>(Status.class);
                          int i = 0;
                          for (Status s : statuses) {
                            times.put(s, T0.plusSeconds(seconds.get(i++)));
                          }
                          return times;
                        }));
  }
}

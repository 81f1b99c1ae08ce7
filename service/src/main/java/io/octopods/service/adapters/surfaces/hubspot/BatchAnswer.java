package io.octopods.service.adapters.surfaces.hubspot;

import java.util.Map;

/**
 * What HubSpot's answer to one {@code batch/create} call means for the events it carried (api.md,
 * the table).
 */
public sealed interface BatchAnswer {
  /**
   * HubSpot answered for each event ({@code 201}, {@code 207}): outcomes by event id; an event it
   * left out is retried.
   */
  record PerEvent(Map<String, PushOutcome> outcomes) implements BatchAnswer {
    public PerEvent {
      outcomes = Map.copyOf(outcomes);
    }

    public PushOutcome of(String eventId) {
      return outcomes.getOrDefault(
          eventId,
          new PushOutcome.Retry(
              "HubSpot's answer named neither a result nor an " + "error for event " + eventId,
              java.util.Optional.empty(),
              false));
    }
  }

  /**
   * One outcome for every event of the call: a retry ({@code 429}, {@code 5xx}...), or a refusal
   * ({@code 404}).
   */
  record Whole(PushOutcome outcome) implements BatchAnswer {}

  /** {@code 413}: the call was too large; its events go again in two halves. */
  record Halves(String why) implements BatchAnswer {}

  /**
   * {@code 400} (or another {@code 4xx} that may come from one bad input) for the whole call: each
   * event goes again alone, once, and only those refused alone become dead letters.
   */
  record EachAlone(String why) implements BatchAnswer {}
}

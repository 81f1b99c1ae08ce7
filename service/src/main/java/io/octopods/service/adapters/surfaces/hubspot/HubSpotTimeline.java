package io.octopods.service.adapters.surfaces.hubspot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where timeline events go: HubSpot's batch API ({@link HubSpotClient}), or a test's stand-in. */
@FunctionalInterface
public interface HubSpotTimeline {
  /**
   * Pushes up to 100 events in one call; never throws for an HTTP or network failure (that is an
   * answer of {@link BatchAnswer.Whole} with a {@link PushOutcome.Retry}).
   */
  Reply push(List<HubSpotEvent> events);

  /**
   * What a call came back with.
   *
   * @param window HubSpot's rate-limit headers on the answer, when it sent them
   * @param at when the answer (or the failure) came
   */
  record Reply(BatchAnswer answer, Optional<RateWindow> window, Instant at) {}
}

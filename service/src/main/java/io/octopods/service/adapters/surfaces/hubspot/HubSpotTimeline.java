package io.octopods.service.adapters.surfaces.hubspot;

/** Where timeline events go: HubSpot's timeline API ({@link HubSpotClient}), or a test's stand-in. */
@FunctionalInterface
public interface HubSpotTimeline {
  /** Pushes one event; never throws for an HTTP or network failure (that is a {@link PushOutcome.Retry}). */
  PushOutcome push(HubSpotEvent event);
}

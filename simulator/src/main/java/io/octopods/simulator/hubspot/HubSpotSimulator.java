package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.http.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HubSpot's timeline API (downstream: the status service pushes one event per public status change,
 * alone or in batches). Plays no scenarios; keeps the timelines it receives, answers {@code 409} to
 * a known event id, can be rate limited or made to fail through {@code POST /__sim/hubspot/limits},
 * and refuses a contact's events through {@code POST /__sim/hubspot/refusals}.
 */
public final class HubSpotSimulator implements ProviderSimulator {
  /** Published default credentials, so that a deployed service can be pointed at the simulator. */
  public static final String ACCESS_TOKEN = "octopods-hubspot-access-token";

  public static final String EVENT_TEMPLATE_ID = "1001298";

  /** Both spellings of the timeline API: the client libraries' and HubSpot's current reference. */
  static final String EVENTS = "/(?:crm/v3/timeline|integrators/timeline/v3)/events";

  private final HubSpotTimelines timelines = new HubSpotTimelines();
  private final HubSpotRefusals refusals = new HubSpotRefusals();
  private final HubSpotRateLimit rateLimit;
  private final TimelineEventsRoute events;

  public HubSpotSimulator(SimulatorContext ctx) {
    this.rateLimit = new HubSpotRateLimit(ctx.clock());
    HubSpotGate gate = new HubSpotGate(ACCESS_TOKEN, rateLimit);
    this.events =
        new TimelineEventsRoute(
            gate,
            timelines,
            refusals,
            new TimelineEventReader(EVENT_TEMPLATE_ID, ctx.clock()),
            ctx.clock());
  }

  @Override
  public String name() {
    return "hubspot";
  }

  @Override
  public List<Route> routes() {
    List<Route> routes =
        new ArrayList<>(
            List.of(
                Route.of(
                    "hubspot.events.create", "POST", EVENTS + "/?", Route.WIRE, events::create),
                Route.of(
                    "hubspot.events.batch",
                    "POST",
                    EVENTS + "/batch/create/?",
                    Route.WIRE,
                    events::batch),
                Route.of(
                    "hubspot.events.read",
                    "GET",
                    EVENTS + "/([^/]+)/([^/]+)/?",
                    Route.WIRE,
                    events::read)));
    routes.addAll(new HubSpotLimitsAdmin(rateLimit).routes());
    routes.addAll(new HubSpotRefusalsAdmin(refusals).routes());
    routes.add(new HubSpotTimelineAdmin(timelines).route());
    routes.add(
        Route.of(
            "hubspot.unknown",
            "ANY",
            "/(?!__).*",
            Route.FALLBACK,
            (r, m) ->
                HubSpotErrors.answer(
                    404,
                    HubSpotErrors.error(
                        r.getMethod().getName().toUpperCase(Locale.ROOT)
                            + " "
                            + r.getUrl()
                            + " is not simulated; the HubSpot simulator serves POST /crm/v3/timeline/events, POST "
                            + "/crm/v3/timeline/events/batch/create and GET /crm/v3/timeline/events/{eventTemplateId}/{eventId} "
                            + "(also under /integrators/timeline/v3/events)",
                        HubSpotErrors.NOT_FOUND))));
    return routes;
  }

  @Override
  public ObjectNode credentials() {
    return Json.object()
        .put("access_token", ACCESS_TOKEN)
        .put("event_template_id", EVENT_TEMPLATE_ID);
  }

  @Override
  public String signingSecret() {
    return null;
  }

  @Override
  public void reset() {
    timelines.reset();
    rateLimit.reset();
    refusals.reset();
  }
}

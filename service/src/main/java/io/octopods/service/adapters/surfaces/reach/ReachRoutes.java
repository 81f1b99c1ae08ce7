package io.octopods.service.adapters.surfaces.reach;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.RouteGroup;
import io.octopods.service.adapters.http.api.ApiKeys;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasEndpoint;
import io.octopods.service.adapters.surfaces.canvaskit.IntercomWorkspaces;
import io.octopods.service.adapters.surfaces.shared.ApiKeyMessageRead;
import io.octopods.service.adapters.surfaces.shared.ChannelAndTimeFormats;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.SurfaceQueries;
import io.octopods.service.domain.SurfaceLabels;
import io.octopods.service.domain.SurfaceLabels.ReachTimeline;
import io.octopods.service.domain.SurfaceLabels.TimelineStep;
import java.time.Instant;
import java.util.Optional;

/**
 * Reach, an Intercom surface (api.md, "Surfaces"): the Canvas Kit URLs {@code POST
 * /surfaces/reach/canvas/initialize} and {@code .../submit} (signed with {@code X-Body-Signature},
 * the same Intercom app secret and workspace mapping as the Inbox app), and the JSON read {@code
 * GET /surfaces/reach/messages/{message_id}/timeline} behind the API key: {@code {"message_id",
 * "channel", "current", "terminal", "steps": [{"step", "reached_at", "implied"}]}}.
 */
public final class ReachRoutes implements RouteGroup {
  public static final String CANVAS = "/surfaces/reach/canvas";
  public static final String TIMELINE = "/surfaces/reach/messages/{message_id}/timeline";

  private final CanvasEndpoint canvas;
  private final ReachCanvases screens;
  private final ApiKeyMessageRead reads;

  /**
   * @param clientSecret {@code OCTOPODS_INTERCOM_CLIENT_SECRET}; when empty, every canvas request
   *     is refused ({@code 401})
   * @param intercomWorkspaces {@code OCTOPODS_INTERCOM_WORKSPACES}; empty: every Intercom workspace
   *     sees the first workspace of {@code keys}
   * @throws IllegalArgumentException when {@code intercomWorkspaces} is not {@code
   *     id:workspace,...}
   */
  public ReachRoutes(
      SurfaceQueries queries,
      MessageStore store,
      ApiKeys keys,
      Optional<String> clientSecret,
      Optional<String> intercomWorkspaces) {
    this.canvas =
        new CanvasEndpoint(
            "Reach app", clientSecret, IntercomWorkspaces.from(intercomWorkspaces, keys));
    this.screens = new ReachCanvases(queries, store);
    this.reads = new ApiKeyMessageRead(store, keys);
  }

  @Override
  public void register(RoutesConfig routes) {
    canvas.register(routes, CANVAS, screens::initialize, screens::submit);
    routes.get(TIMELINE, ctx -> reads.serve(ctx, ReachRoutes::timeline));
  }

  /** The JSON timeline of a message. */
  public static ObjectNode timeline(MessageRecord m) {
    ReachTimeline<Instant> t = SurfaceLabels.reachTimeline(m.status(), m.reached());
    ObjectNode o =
        JsonBodies.MAPPER
            .createObjectNode()
            .put("message_id", m.messageId())
            .put("channel", m.channel().path())
            .put("current", t.current().label())
            .put("terminal", t.terminal());
    ArrayNode steps = o.putArray("steps");
    for (TimelineStep<Instant> step : t.steps()) {
      steps
          .addObject()
          .put("step", step.step().label())
          .put("reached_at", ChannelAndTimeFormats.rfc3339(step.reachedAt()))
          .put("implied", step.implied());
    }
    return o;
  }
}

package io.octopods.service.adapters.surfaces.intercom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.RouteGroup;
import io.octopods.service.adapters.http.api.ApiKeys;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasEndpoint;
import io.octopods.service.adapters.surfaces.canvaskit.IntercomWorkspaces;
import io.octopods.service.adapters.surfaces.shared.ApiKeyMessageRead;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.SurfaceQueries;
import io.octopods.service.domain.SurfaceLabels;
import io.octopods.service.domain.SurfaceLabels.InboxLabel;
import java.util.Optional;

/**
 * The Intercom Inbox app (api.md, "Surfaces"): the Canvas Kit URLs {@code POST
 * /surfaces/intercom/canvas/initialize} and {@code .../submit} (signed with {@code
 * X-Body-Signature}; see {@link CanvasEndpoint}), and the JSON read {@code GET
 * /surfaces/intercom/messages/{message_id}} behind the API key: {@code {"message_id", "channel",
 * "delivery_status": {"label", "icon"}}}.
 */
public final class IntercomRoutes implements RouteGroup {
  public static final String CANVAS = "/surfaces/intercom/canvas";
  public static final String MESSAGE = "/surfaces/intercom/messages/{message_id}";

  private final CanvasEndpoint canvas;
  private final InboxCanvases screens;
  private final ApiKeyMessageRead reads;

  /**
   * @param clientSecret {@code OCTOPODS_INTERCOM_CLIENT_SECRET}; when empty, every canvas request
   *     is refused ({@code 401})
   * @param intercomWorkspaces {@code OCTOPODS_INTERCOM_WORKSPACES}; empty: every Intercom workspace
   *     sees the first workspace of {@code keys}
   * @throws IllegalArgumentException when {@code intercomWorkspaces} is not {@code
   *     id:workspace,...}
   */
  public IntercomRoutes(
      SurfaceQueries queries,
      MessageStore store,
      ApiKeys keys,
      Optional<String> clientSecret,
      Optional<String> intercomWorkspaces) {
    this.canvas =
        new CanvasEndpoint(
            "Intercom Inbox app", clientSecret, IntercomWorkspaces.from(intercomWorkspaces, keys));
    this.screens = new InboxCanvases(queries, store);
    this.reads = new ApiKeyMessageRead(store, keys);
  }

  @Override
  public void register(RoutesConfig routes) {
    canvas.register(routes, CANVAS, screens::initialize, screens::submit);
    routes.get(MESSAGE, ctx -> reads.serve(ctx, IntercomRoutes::deliveryStatus));
  }

  /**
   * {@code {"message_id": "...", "channel": "whatsapp", "delivery_status": {"label": "Delivered",
   * "icon": "check-double"}}}.
   */
  public static ObjectNode deliveryStatus(MessageRecord m) {
    InboxLabel label = SurfaceLabels.inboxLabel(m.status());
    ObjectNode o =
        JsonBodies.MAPPER
            .createObjectNode()
            .put("message_id", m.messageId())
            .put("channel", m.channel().path());
    o.putObject("delivery_status").put("label", label.label()).put("icon", label.icon().iconName());
    return o;
  }
}

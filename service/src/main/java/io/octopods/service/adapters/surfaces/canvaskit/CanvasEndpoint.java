package io.octopods.service.adapters.surfaces.canvaskit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.Problem;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.SurfaceQueries;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The Canvas Kit side of an Intercom surface (api.md, "Surfaces"; providers.md, section 4): {@code
 * POST <base>/initialize} and {@code POST <base>/submit}. Each request is checked, in this order:
 * size ({@code 413}), {@code X-Body-Signature} over the raw bytes ({@code 401}, also when no client
 * secret is configured), JSON ({@code 400}); then the Intercom workspace is mapped to ours and the
 * contact is looked at, and the answer is {@code 200} with a canvas (a canvas that explains, when
 * the workspace is not linked or the contact has neither email nor phone). {@code GET} on these
 * paths answers {@code 405}.
 */
public final class CanvasEndpoint {
  /**
   * What a surface shows for a request from a mapped workspace whose contact has an email or a
   * phone.
   */
  @FunctionalInterface
  public interface Screen {
    Canvas render(CanvasRequest request, String workspace);
  }

  private final String surface;
  private final Optional<String> clientSecret;
  private final IntercomWorkspaces workspaces;

  /**
   * @param surface the surface's name in problems, e.g. {@code Intercom Inbox app}
   * @param clientSecret the app's client secret ({@code OCTOPODS_INTERCOM_CLIENT_SECRET}); empty:
   *     every request is refused
   */
  public CanvasEndpoint(
      String surface, Optional<String> clientSecret, IntercomWorkspaces workspaces) {
    this.surface = surface;
    this.clientSecret = clientSecret.filter(s -> !s.isEmpty());
    this.workspaces = workspaces;
  }

  /** Registers {@code POST base/initialize} and {@code POST base/submit}. */
  public void register(RoutesConfig routes, String base, Screen initialize, Screen submit) {
    routes.post(base + "/initialize", ctx -> serve(ctx, initialize));
    routes.post(base + "/submit", ctx -> serve(ctx, submit));
    routes.get(base + "/initialize", this::postOnly);
    routes.get(base + "/submit", this::postOnly);
  }

  /**
   * The messages of a workspace to the request's contact: by email when it has one, else by phone;
   * newest first.
   */
  public static List<MessageRecord> messagesOf(
      SurfaceQueries queries, String workspace, CanvasRequest request, int limit) {
    if (request.contactEmail().isPresent()) {
      return queries.byContactEmail(workspace, request.contactEmail().get(), limit);
    }
    if (request.contactPhone().isPresent()) {
      return queries.byRecipient(workspace, request.contactPhone().get(), limit);
    }
    return List.of();
  }

  private void serve(Context ctx, Screen screen) {
    byte[] body = body(ctx);
    if (body == null) {
      return;
    }
    if (clientSecret.isEmpty()) {
      unauthorized(
          ctx,
          "cannot be checked: this service has no OCTOPODS_INTERCOM_CLIENT_SECRET; set it to the "
              + "client secret on your Intercom app's Basic Info page");
      return;
    }
    String signature = ctx.header(CanvasSignature.HEADER);
    if (signature == null || signature.isBlank()) {
      unauthorized(
          ctx,
          "has no " + CanvasSignature.HEADER + " header; expected " + CanvasSignature.HOW_SIGNED);
      return;
    }
    if (!CanvasSignature.valid(clientSecret.get(), body, signature)) {
      unauthorized(
          ctx,
          "has an "
              + CanvasSignature.HEADER
              + " that does not match its body; expected "
              + CanvasSignature.HOW_SIGNED
              + ": check that the service and the app share the same client secret");
      return;
    }
    CanvasRequest request;
    try {
      request = CanvasRequest.read(body);
    } catch (IllegalArgumentException e) {
      Problem.of(
              400,
              "Malformed canvas request",
              "the "
                  + surface
                  + " request is signed but cannot be read: "
                  + e.getMessage()
                  + "; expected the JSON object Intercom sends to a Canvas Kit URL")
          .writeTo(ctx);
      return;
    }
    Optional<String> workspace = workspaces.workspaceOf(request.intercomWorkspaceId());
    Canvas canvas;
    if (workspace.isEmpty()) {
      canvas =
          Canvas.create()
              .text("Not linked", Canvas.TextStyle.HEADER)
              .text(
                  "This Intercom workspace ("
                      + request.intercomWorkspaceId().orElse("no workspace_id")
                      + ") is not "
                      + "linked to an Octopods workspace. Add it to "
                      + IntercomWorkspaces.VARIABLE
                      + ".",
                  Canvas.TextStyle.ERROR);
    } else if (!request.hasContact()) {
      canvas =
          Canvas.create()
              .text("No contact details", Canvas.TextStyle.HEADER)
              .text(
                  "This contact has no email or phone number, so no sent messages can be matched.",
                  Canvas.TextStyle.MUTED);
    } else {
      canvas = screen.render(request, workspace.get());
    }
    ctx.status(200).contentType("application/json").result(JsonBodies.write(canvas.json()));
  }

  /** The raw body, or null after answering {@code 413}. */
  private byte[] body(Context ctx) {
    String declared = ctx.header("Content-Length");
    try {
      if (declared != null && Long.parseLong(declared.trim()) > HttpServer.MAX_BODY) {
        tooLarge(ctx);
        return null;
      }
    } catch (NumberFormatException ignored) {
      // the read below still stops at the limit
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] bytes = in.readNBytes((int) HttpServer.MAX_BODY + 1);
      if (bytes.length > HttpServer.MAX_BODY) {
        tooLarge(ctx);
        return null;
      }
      return bytes;
    } catch (IOException e) {
      throw Problem.unreadableBody(surface + " request", e).raise();
    }
  }

  private void tooLarge(Context ctx) {
    Problem.of(
            413,
            "Content too large",
            "the "
                + surface
                + " request is over "
                + HttpServer.MAX_BODY
                + " bytes; Canvas Kit requests are far smaller: check what is calling this URL")
        .writeTo(ctx);
  }

  private void unauthorized(Context ctx, String what) {
    Problem.of(401, "Bad signature", "the " + surface + " request " + what + ". Nothing was read")
        .writeTo(ctx);
  }

  private void postOnly(Context ctx) {
    ctx.header("Allow", "POST");
    Problem.of(
            405,
            "Method not allowed",
            ctx.method()
                + " "
                + ctx.path()
                + " is not served: this is a Canvas Kit "
                + "URL of the "
                + surface
                + ", which takes signed POST requests from Intercom only")
        .writeTo(ctx);
  }
}

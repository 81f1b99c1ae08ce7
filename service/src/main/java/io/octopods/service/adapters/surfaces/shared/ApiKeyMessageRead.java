package io.octopods.service.adapters.surfaces.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.Problem;
import io.octopods.service.adapters.http.api.ApiKeys;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON read of one message that every surface serves (api.md, "Surfaces"), each in its own
 * shape: {@code Authorization: Bearer <api key>} as on the public API ({@code 401} with {@code
 * WWW-Authenticate} otherwise), and one message of the key's workspace; a message that does not
 * exist, is another workspace's, or whose id is not a UUID answers the same {@code 404} (I13).
 */
public final class ApiKeyMessageRead {
  private static final String CHALLENGE = "Bearer realm=\"octopods\"";
  private static final Pattern BEARER = Pattern.compile("(?i)bearer[ \\t]+(\\S+)[ \\t]*");
  private static final Pattern MESSAGE_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final MessageStore store;
  private final ApiKeys keys;

  public ApiKeyMessageRead(MessageStore store, ApiKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  /**
   * Answers {@code 200} with {@code render} of the message named by the path parameter {@code
   * message_id}.
   */
  public void serve(Context ctx, Function<MessageRecord, ObjectNode> render) {
    Optional<String> workspace = workspace(ctx);
    if (workspace.isEmpty()) {
      return;
    }
    String given = ctx.pathParam("message_id");
    String id = given.toLowerCase(Locale.ROOT);
    Optional<MessageRecord> message =
        MESSAGE_ID.matcher(id).matches() ? store.find(workspace.get(), id) : Optional.empty();
    if (message.isEmpty()) {
      Problem.of(
              404,
              "Not found",
              "your workspace has no message '"
                  + given
                  + "': use the message_id (a UUID) "
                  + "from the answer to your POST /api/v1/{channel}/messages")
          .writeTo(ctx);
      return;
    }
    ctx.header("Cache-Control", "no-store");
    ctx.status(200)
        .contentType("application/json")
        .result(JsonBodies.write(render.apply(message.get())));
  }

  private Optional<String> workspace(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      return refuse(
          ctx,
          CHALLENGE,
          "the request has no Authorization header: send your API key as "
              + "'Authorization: Bearer <api key>'");
    }
    Matcher m = BEARER.matcher(header.trim());
    if (!m.matches()) {
      return refuse(
          ctx,
          CHALLENGE + ", error=\"invalid_request\"",
          "the Authorization header is not "
              + "'Bearer <api key>': send your API key as 'Authorization: Bearer <api key>'");
    }
    Optional<String> workspace = keys.workspaceOf(m.group(1));
    if (workspace.isEmpty()) {
      return refuse(
          ctx,
          CHALLENGE + ", error=\"invalid_token\"",
          "the API key is not one this service knows: use "
              + "a key from OCTOPODS_API_KEYS, or, when that is unset, the demo key printed at start-up");
    }
    return workspace;
  }

  private static Optional<String> refuse(Context ctx, String challenge, String detail) {
    ctx.header("WWW-Authenticate", challenge);
    Problem.of(401, "Unauthorized", detail).writeTo(ctx);
    return Optional.empty();
  }
}

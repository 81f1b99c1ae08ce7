package io.octopods.simulator.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.callbacks.CallbackTargets.Webhook;
import io.octopods.simulator.core.http.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code POST /pa/set_webhook}: like Viber, first POSTs the signed {@code webhook} check event to
 * the URL; when it is answered 200 the URL becomes where callbacks go, its {@code event_types}
 * decide which callbacks are sent there ({@link ViberEventTypes}), and the answer lists them; when
 * it is not, {@code status} 1 with what failed, and the setting is unchanged. An empty {@code url}
 * removes the webhook. The admin {@code urls} are kept while the URL stays the same, {@code
 * connect_to} always.
 */
final class ViberSetWebhookRoute implements Route.Handler {
  private final SimulatorContext ctx;
  private final ViberEventTypes subscribed;

  ViberSetWebhookRoute(SimulatorContext ctx, ViberEventTypes subscribed) {
    this.ctx = ctx;
    this.subscribed = subscribed;
  }

  @Override
  public ResponseDefinition handle(Request request, Matcher path) {
    try {
      JsonNode body = ViberCall.body(request);
      String url = url(body);
      ArrayNode eventTypes = eventTypes(body);
      Webhook current = ctx.targets().webhook(ViberSimulator.NAME);
      if (url.isEmpty()) {
        ctx.targets()
            .set(
                ViberSimulator.NAME,
                new Webhook(
                    Optional.empty(), current.verifyToken(), List.of(), current.connectTo()));
      } else {
        try {
          new WebhookCheck(ctx.clock()).run(url, current.connectTo());
        } catch (IllegalArgumentException e) {
          throw Refusal.because(ViberStatus.INVALID_URL, e.getMessage());
        }
        List<String> urls =
            current.url().map(url::equals).orElse(false) ? current.urls() : List.of();
        ctx.targets()
            .set(
                ViberSimulator.NAME,
                new Webhook(Optional.of(url), current.verifyToken(), urls, current.connectTo()));
      }
      List<String> types = new ArrayList<>();
      eventTypes.forEach(t -> types.add(t.asText()));
      subscribed.set(url, types);
      ObjectNode answer = ViberAnswers.ok();
      answer.set("event_types", eventTypes);
      return ViberAnswers.json(200, answer.put("chat_hostname", ViberAnswers.CHAT_HOSTNAME))
          .build();
    } catch (Refusal refusal) {
      return refusal.answer();
    }
  }

  private static String url(JsonNode body) {
    JsonNode url = body.get("url");
    if (url == null || url.isNull()) {
      throw Refusal.because(
          ViberStatus.MISSING_DATA, "url is required (an empty url removes the webhook)");
    }
    if (!url.isTextual()) {
      throw Refusal.because(ViberStatus.BAD_DATA, "url must be a string");
    }
    String u = url.asText().trim();
    if (!u.isEmpty() && !isHttpUrl(u)) {
      throw Refusal.because(ViberStatus.INVALID_URL, "'" + u + "' is not an absolute http(s) URL");
    }
    return u;
  }

  private static ArrayNode eventTypes(JsonNode body) {
    JsonNode given = body.get("event_types");
    ArrayNode types = Json.array();
    if (given == null || given.isNull()) {
      ViberEventTypes.ALL.forEach(types::add);
      return types;
    }
    if (!given.isArray()) {
      throw Refusal.because(ViberStatus.BAD_DATA, "event_types must be an array of event names");
    }
    for (JsonNode t : given) {
      if (!t.isTextual() || t.asText().isEmpty()) {
        throw Refusal.because(
            ViberStatus.BAD_DATA, "event_types must hold event names, found " + t);
      }
      types.add(t.asText());
    }
    return types;
  }

  private static boolean isHttpUrl(String u) {
    try {
      URI uri = URI.create(u);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

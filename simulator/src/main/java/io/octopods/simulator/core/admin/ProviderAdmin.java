package io.octopods.simulator.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.callbacks.CallbackTargets.Webhook;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/** {@code /__sim/info} and {@code /__sim/webhook}. */
final class ProviderAdmin {
  private final ProviderSimulator provider;
  private final SimulatorContext ctx;
  private final Supplier<String> baseUrl;
  private final Supplier<Optional<String>> httpsBaseUrl;

  ProviderAdmin(
      ProviderSimulator provider,
      SimulatorContext ctx,
      Supplier<String> baseUrl,
      Supplier<Optional<String>> httpsBaseUrl) {
    this.provider = provider;
    this.ctx = ctx;
    this.baseUrl = baseUrl;
    this.httpsBaseUrl = httpsBaseUrl;
  }

  List<Route> routes() {
    return List.of(
        Route.of("info", "GET", "/__sim/info/?", Route.ADMIN, this::info),
        Route.of("webhook.read", "GET", "/__sim/webhook/?", Route.ADMIN, this::webhook),
        Route.of("webhook.set", "POST", "/__sim/webhook/?", Route.ADMIN, this::setWebhook));
  }

  private ResponseDefinition info(Request r, Matcher m) {
    ObjectNode info = Json.object().put("provider", provider.name()).put("base_url", baseUrl.get());
    httpsBaseUrl.get().ifPresent(url -> info.put("https_base_url", url));
    info.set("credentials", provider.credentials());
    info.set("test_credentials", provider.testCredentials());
    info.put("signing_secret", provider.signingSecret());
    info.put("webhook_url", ctx.targets().url(provider.name()).orElse(null));
    info.put("clock", ctx.clock().mode());
    return Responses.json(200, info);
  }

  private ResponseDefinition webhook(Request r, Matcher m) {
    Webhook w = ctx.targets().webhook(provider.name());
    ObjectNode body = Json.object().put("url", w.url().orElse(null));
    body.put("verify_token", w.verifyToken().orElse(null));
    var urls = body.putArray("urls");
    w.urls().forEach(urls::add);
    body.put("connect_to", w.connectTo().orElse(null));
    return Responses.json(200, body);
  }

  private ResponseDefinition setWebhook(Request r, Matcher m) {
    JsonNode body = AdminRequests.jsonObject(r);
    List<String> urls = new ArrayList<>();
    body.path("urls").forEach(u -> urls.add(u.asText()));
    Optional<String> url = text(body, "url").or(() -> urls.stream().findFirst());
    Optional<String> connectTo = text(body, "connect_to");
    for (String u : concat(url, urls, connectTo)) {
      if (!isHttpUrl(u)) {
        return Responses.problem(
            400, "Bad webhook URL", "'" + u + "' is not an absolute http(s) URL");
      }
    }
    Webhook webhook = new Webhook(url, text(body, "verify_token"), List.copyOf(urls), connectTo);
    if (body.path("verify").asBoolean(true) && url.isPresent()) {
      try {
        provider.verifyWebhook(webhook);
        for (String other : urls) {
          provider.verifyWebhook(
              new Webhook(Optional.of(other), webhook.verifyToken(), List.of(), connectTo));
        }
      } catch (IllegalArgumentException e) {
        return Responses.problem(
            400,
            "Webhook verification failed",
            e.getMessage()
                + ". Answer the provider's verification request, or set \"verify\": false for a plain endpoint");
      }
    }
    ctx.targets().set(provider.name(), webhook);
    return webhook(r, m);
  }

  private static List<String> concat(
      Optional<String> url, List<String> urls, Optional<String> connectTo) {
    List<String> all = new ArrayList<>(urls);
    url.ifPresent(all::add);
    connectTo.ifPresent(all::add);
    return all;
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

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() || n.asText().isEmpty()
        ? Optional.empty()
        : Optional.of(n.asText());
  }
}

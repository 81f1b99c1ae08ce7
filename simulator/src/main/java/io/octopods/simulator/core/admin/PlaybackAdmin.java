package io.octopods.simulator.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Durations;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.Recipients;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.Times;
import io.octopods.simulator.core.callbacks.JournaledAttempt;
import io.octopods.simulator.core.clock.VirtualClock;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code /__sim/messages}, {@code /__sim/callbacks}, {@code /__sim/clock} and {@code /__sim/reset}.
 */
final class PlaybackAdmin {
  private final ProviderSimulator provider;
  private final SimulatorContext ctx;
  private final List<ProviderSimulator> everyProvider;

  PlaybackAdmin(
      ProviderSimulator provider, SimulatorContext ctx, List<ProviderSimulator> everyProvider) {
    this.provider = provider;
    this.ctx = ctx;
    this.everyProvider = everyProvider;
  }

  List<Route> routes() {
    return List.of(
        Route.of("messages.list", "GET", "/__sim/messages/?", Route.ADMIN, this::messages),
        Route.of("messages.one", "GET", "/__sim/messages/([^/]+)", Route.ADMIN, this::message),
        Route.of("callbacks.list", "GET", "/__sim/callbacks/?", Route.ADMIN, this::callbacks),
        Route.of("clock.read", "GET", "/__sim/clock/?", Route.ADMIN, this::clock),
        Route.of("clock.advance", "POST", "/__sim/clock/advance/?", Route.ADMIN, this::advance),
        Route.of("reset", "POST", "/__sim/reset/?", Route.ADMIN, this::reset));
  }

  private ResponseDefinition messages(Request r, Matcher m) {
    Instant now = ctx.clock().now();
    ObjectNode body = Json.object();
    var list = body.putArray("messages");
    ctx.ledger()
        .list(provider.name(), AdminRequests.query(r, "to").map(Recipients::normalise))
        .forEach(msg -> list.add(AdminViews.message(msg, now)));
    return Responses.json(200, body);
  }

  private ResponseDefinition message(Request r, Matcher m) {
    String id = AdminRequests.decoded(m.group(1));
    return ctx.ledger()
        .find(provider.name(), id)
        .map(msg -> Responses.json(200, AdminViews.message(msg, ctx.clock().now())))
        .orElseGet(
            () ->
                Responses.problem(
                    404,
                    "Unknown message",
                    "the "
                        + provider.name()
                        + " simulator has received no message '"
                        + id
                        + "'; GET /__sim/messages lists them"));
  }

  private ResponseDefinition callbacks(Request r, Matcher m) {
    ObjectNode body = Json.object();
    var list = body.putArray("attempts");
    ctx.journal()
        .list(provider.name(), AdminRequests.query(r, "message"))
        .forEach(a -> list.add(AdminViews.attempt(a)));
    return Responses.json(200, body);
  }

  private ResponseDefinition clock(Request r, Matcher m) {
    return Responses.json(200, clockView());
  }

  private ObjectNode clockView() {
    return Json.object()
        .put("mode", ctx.clock().mode())
        .put("now", Times.rfc3339(ctx.clock().now()))
        .put("time_scale", ctx.clock().timeScale());
  }

  private ResponseDefinition advance(Request r, Matcher m) {
    if (!(ctx.clock() instanceof VirtualClock)) {
      return Responses.problem(
          409,
          "Real clock",
          "the clock is real and moves by itself; start the simulators with --clock virtual to advance it");
    }
    JsonNode body = AdminRequests.jsonObject(r);
    Duration by;
    try {
      by = Durations.of(body.path("by"));
    } catch (IllegalArgumentException e) {
      return Responses.problem(400, "Bad duration", "'by' " + e.getMessage());
    }
    List<JournaledAttempt> fired = ctx.scheduler().advance(by);
    ObjectNode answer = Json.object().put("now", Times.rfc3339(ctx.clock().now()));
    var list = answer.putArray("fired");
    fired.forEach(a -> list.add(AdminViews.fired(a)));
    return Responses.json(200, answer);
  }

  private ResponseDefinition reset(Request r, Matcher m) {
    boolean all = AdminRequests.query(r, "all").map("true"::equals).orElse(false);
    (all ? everyProvider : List.of(provider)).forEach(this::reset);
    return Responses.empty(204);
  }

  private void reset(ProviderSimulator p) {
    ctx.scheduler().reset(p.name());
    ctx.ledger().reset(p.name());
    ctx.journal().reset(p.name());
    ctx.catalog().reset(p.name());
    p.reset();
  }
}

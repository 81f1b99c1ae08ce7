package io.octopods.simulator.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.Recipients;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.ScenarioCatalog;
import io.octopods.simulator.core.scenario.ScenarioReader;
import io.octopods.simulator.core.scenario.ScenarioRejected;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/** {@code /__sim/scenarios} and {@code /__sim/bindings} of one provider's port. */
final class ScenarioAdmin {
  private final String provider;
  private final ScenarioCatalog catalog;

  ScenarioAdmin(String provider, ScenarioCatalog catalog) {
    this.provider = provider;
    this.catalog = catalog;
  }

  List<Route> routes() {
    return List.of(
        Route.of("scenarios.list", "GET", "/__sim/scenarios/?", Route.ADMIN, this::list),
        Route.of("scenarios.one", "GET", "/__sim/scenarios/([^/]+)", Route.ADMIN, this::one),
        Route.of("scenarios.upload", "POST", "/__sim/scenarios/?", Route.ADMIN, this::upload),
        Route.of("bindings.list", "GET", "/__sim/bindings/?", Route.ADMIN, this::bindings),
        Route.of("bindings.add", "POST", "/__sim/bindings/?", Route.ADMIN, this::bind),
        Route.of("bindings.remove", "DELETE", "/__sim/bindings/(.+)", Route.ADMIN, this::unbind));
  }

  private ResponseDefinition list(Request r, Matcher m) {
    ObjectNode body = Json.object();
    var list = body.putArray("scenarios");
    catalog.list(provider).forEach(e -> list.add(AdminViews.scenario(e)));
    return Responses.json(200, body);
  }

  private ResponseDefinition one(Request r, Matcher m) {
    String id = AdminRequests.decoded(m.group(1));
    return ofThisProvider(id)
        .map(e -> Responses.json(200, e.scenario().document()))
        .orElseGet(() -> unknownScenario(id));
  }

  private ResponseDefinition upload(Request r, Matcher m) {
    String type = Optional.ofNullable(r.contentTypeHeader().mimeTypePart()).orElse("");
    if (!List.of("application/yaml", "application/x-yaml", "application/json", "text/yaml")
        .contains(type)) {
      return Responses.problem(
          415,
          "Unsupported Media Type",
          "send the scenario as application/yaml, application/x-yaml or application/json (was '"
              + type
              + "')");
    }
    Scenario scenario;
    try {
      scenario = ScenarioReader.read(r.getBodyAsString(), "upload");
    } catch (ScenarioRejected e) {
      return Responses.problem(
          400,
          "Invalid scenario",
          "the scenario does not follow contracts/simulator/scenario.schema.json: fix every error listed",
          e.problems());
    }
    if (!scenario.provider().equals(provider)) {
      return Responses.problem(
          400,
          "Wrong provider",
          "this port simulates "
              + provider
              + " but the scenario is for "
              + scenario.provider()
              + ": upload it to the "
              + scenario.provider()
              + " simulator");
    }
    boolean replaced = catalog.upload(scenario);
    return Responses.json(
        replaced ? 200 : 201, Json.object().put("id", scenario.id()).put("provider", provider));
  }

  private ResponseDefinition bindings(Request r, Matcher m) {
    ObjectNode body = Json.object();
    var list = body.putArray("bindings");
    catalog
        .bindings(provider)
        .forEach((to, id) -> list.addObject().put("to", to).put("scenario", id));
    return Responses.json(200, body);
  }

  private ResponseDefinition bind(Request r, Matcher m) {
    JsonNode body = AdminRequests.jsonObject(r);
    String to = body.path("to").asText("");
    String id = body.path("scenario").asText("");
    if (to.isEmpty() || id.isEmpty()) {
      return Responses.problem(
          400, "Bad binding", "give both 'to' (a recipient) and 'scenario' (an id)");
    }
    if (ofThisProvider(id).isEmpty()) {
      return unknownScenario(id);
    }
    String recipient = Recipients.normalise(to);
    catalog.bind(provider, recipient, id);
    return Responses.json(201, Json.object().put("to", recipient).put("scenario", id));
  }

  private ResponseDefinition unbind(Request r, Matcher m) {
    String to = Recipients.normalise(AdminRequests.decoded(m.group(1)));
    return catalog.unbind(provider, to)
        ? Responses.empty(204)
        : Responses.problem(
            404, "No such binding", "no scenario is bound to " + to + " on " + provider);
  }

  private Optional<ScenarioCatalog.Entry> ofThisProvider(String id) {
    return catalog.find(id).filter(e -> e.scenario().provider().equals(provider));
  }

  private ResponseDefinition unknownScenario(String id) {
    String known =
        String.join(
            ", ", catalog.list(provider).stream().map(e -> e.scenario().id()).limit(8).toList());
    return Responses.problem(
        404,
        "Unknown scenario",
        "the "
            + provider
            + " simulator has no scenario '"
            + id
            + "'; GET /__sim/scenarios lists them (e.g. "
            + known
            + ")");
  }
}

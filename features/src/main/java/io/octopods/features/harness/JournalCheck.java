package io.octopods.features.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.Exchange;
import io.octopods.contracts.Verdict;
import io.octopods.simulator.SimulatorClient;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exchanges between the service and the providers that the harness does not make itself,
 * checked against the contracts after each scenario: every callback a simulator delivered to the
 * service (from the simulator's callback journal) and every call the service made to a provider
 * (sends, Twilio fetches, HubSpot pushes: from WireMock's request journal of each simulator).
 */
public final class JournalCheck {
  static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber", "hubspot");
  private final Wire wire;
  private final SimulatorClient admin;
  private final Ledger ledger;
  private final Map<String, String> scenarios = new HashMap<>();
  private final Map<String, Boolean> shapes = new HashMap<>();

  public JournalCheck(Wire wire, SimulatorClient admin, Ledger ledger) {
    this.wire = wire;
    this.admin = admin;
    this.ledger = ledger;
  }

  /** Empties WireMock's request journals, so the next check sees only the next scenario's calls. */
  public void forget() {
    scenarios.clear();
    shapes.clear();
    for (String provider : PROVIDERS) {
      wire.wireMockJournal(provider, "DELETE");
    }
  }

  /**
   * Checks (and attaches to the report) every callback and every provider call since {@link
   * #forget()}.
   */
  public void checkAll() {
    for (String provider : PROVIDERS) {
      if (!"hubspot".equals(provider)) {
        List<SimulatorClient.CallbackAttempt> journal = admin.callbacks(provider);
        ReportAttachments.text(
            "callback journal (" + provider + ")",
            journal.stream()
                .map(SimulatorClient.CallbackAttempt::toString)
                .collect(Collectors.joining("\n")));
        for (SimulatorClient.CallbackAttempt attempt : journal) {
          if ("answered".equals(attempt.outcome())) {
            Verdict verdict = wire.contracts().onService(callbackExchange(attempt));
            wire.observed(
                deliberatelyOffContract(provider, attempt) ? serviceSideOnly(verdict) : verdict);
          }
        }
      }
      Response requests = wire.wireMockJournal(provider, "GET");
      if (requests.statusCode() != 200) {
        ledger.skipped(
            "contracts of the calls the service made to " + provider,
            "the "
                + provider
                + " simulator's request journal (/__admin/requests) answered "
                + requests.statusCode());
        continue;
      }
      for (JsonNode served : Wire.json(requests).path("requests")) {
        JsonNode rq = served.path("request");
        String path = rq.path("url").asText();
        if (path.startsWith("/__")) {
          continue;
        }
        JsonNode rs = served.path("response");
        if (rs.hasNonNull("fault")) {
          continue; // a send the simulator held and closed without an answer (respond: timeout):
          // nothing to check
        }
        wire.observed(
            wire.contracts()
                .onProvider(
                    provider,
                    new Exchange(
                        rq.path("method").asText(),
                        path,
                        header(rq, "Content-Type"),
                        rq.path("body").asText(null),
                        rs.path("status").asInt(0),
                        header(rs, "Content-Type"),
                        rs.path("body").asText(null))));
      }
    }
  }

  /**
   * Whether a callback's body breaks the provider's format on purpose: its scenario writes the body
   * itself ({@code raw}) or changes its fields ({@code fields}), e.g. a batch with bad items (C2).
   * Such a callback is still held to the service's side of the contract (its answer), not to the
   * provider's format.
   */
  private boolean deliberatelyOffContract(
      String provider, SimulatorClient.CallbackAttempt attempt) {
    String message = attempt.message();
    String scenario =
        scenarios.computeIfAbsent(
            provider + "/" + message,
            k ->
                admin.message(provider, message).map(SimulatorClient.Message::scenario).orElse(""));
    if (scenario.isEmpty()) {
      return false;
    }
    return shapes.computeIfAbsent(
        provider + "/" + scenario,
        k -> {
          for (JsonNode step : admin.scenario(provider, scenario).path("callbacks")) {
            if (step.has("raw") || step.has("fields")) {
              return true;
            }
          }
          return false;
        });
  }

  private static Verdict serviceSideOnly(Verdict v) {
    return new Verdict(
        v.interfaceName(),
        v.provider(),
        v.direction(),
        v.contractFile(),
        v.breaches().stream().filter(b -> !b.message().startsWith("request")).toList());
  }

  static Exchange callbackExchange(SimulatorClient.CallbackAttempt attempt) {
    URI uri = URI.create(attempt.url());
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String contentType =
        attempt.headers().entrySet().stream()
            .filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    return new Exchange(
        "POST", path, contentType, attempt.body(), attempt.responseCode().orElse(0), null, null);
  }

  private static String header(JsonNode holder, String name) {
    JsonNode headers = holder.path("headers");
    for (var it = headers.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        JsonNode v = e.getValue();
        return v.isArray()
            ? v.path(0).asText(null)
            : v.isObject() ? v.path("values").path(0).asText(null) : v.asText(null);
      }
    }
    return null;
  }
}

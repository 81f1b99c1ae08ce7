package io.octopods.simulator.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.Exchange;
import io.octopods.contracts.Interfaces;
import io.octopods.contracts.Verdict;
import io.octopods.simulator.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Drives the HubSpot simulator the way the status service's pusher does (single and batch creates
 * with the Bearer token), checks each exchange against {@code
 * contracts/providers/hubspot/openapi.yaml} as the harness's journal check does, and reads the
 * admin API.
 */
final class HubSpotDriver {
  static final String EVENTS = "/crm/v3/timeline/events";
  static final String BATCH = EVENTS + "/batch/create";
  private static final Interfaces INTERFACES = Interfaces.shipped();

  private final String base;

  HubSpotDriver(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  /** Posts a JSON body to a wire path with the Bearer token; the exchange must be on contract. */
  Http.Answer push(String path, String json) {
    Http.Answer answer = Http.postJson(base + path, json, auth());
    Verdict verdict =
        INTERFACES.onProvider(
            "hubspot",
            new Exchange(
                "POST",
                path,
                "application/json",
                json,
                answer.status(),
                answer.contentType(),
                answer.body()));
    assertThat(verdict.interfaceName()).isEqualTo("hubspot-timeline-push");
    assertThat(verdict.breaches())
        .as("POST %s answered %s: %s", path, answer.status(), answer.body())
        .isEmpty();
    return answer;
  }

  Http.Answer create(String event) {
    return push(EVENTS, event);
  }

  Http.Answer batch(List<String> events) {
    return push(BATCH, batchOf(events));
  }

  Http.Answer admin(String method, String path, String json) {
    return switch (method) {
      case "GET" -> Http.get(base + path);
      case "DELETE" -> Http.delete(base + path);
      default -> Http.postJson(base + path, json);
    };
  }

  /** {@code POST /__sim/hubspot/refusals}; expects {@code 201}. */
  void refuse(String email, int status) {
    Http.Answer refused =
        admin(
            "POST",
            "/__sim/hubspot/refusals",
            "{\"email\":\"" + email + "\",\"status\":" + status + "}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(201);
  }

  /** {@code POST /__sim/hubspot/limits}; expects {@code 200}. */
  void limits(String json) {
    Http.Answer set = admin("POST", "/__sim/hubspot/limits", json);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
  }

  /** The ids on a contact's timeline, in the order received. */
  List<String> timeline(String email) {
    Http.Answer answer = Http.get(base + "/__sim/hubspot/timeline?email=" + email);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.json().path("events").forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  static String batchOf(List<String> events) {
    return "{\"inputs\":[" + String.join(",", events) + "]}";
  }

  /** {@code n} distinct events for one contact, {@code <prefix>-<i>}. */
  static List<String> events(String email, String messageIdPrefix, int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> event(email, uuid(messageIdPrefix, i), "SENT"))
        .collect(Collectors.toList());
  }

  /**
   * The event the status service pushes (api.md, Surfaces), for message {@code messageId} in {@code
   * status}.
   */
  static String event(String email, String messageId, String status) {
    return "{\"eventTemplateId\":\""
        + HubSpotSimulator.EVENT_TEMPLATE_ID
        + "\",\"email\":\""
        + email
        + "\","
        + "\"id\":\""
        + messageId
        + "-"
        + status
        + "\",\"timestamp\":\"2026-11-05T05:01:47.120Z\","
        + "\"tokens\":{\"message_id\":\""
        + messageId
        + "\",\"channel\":\"whatsapp\",\"status\":\""
        + status
        + "\","
        + "\"updated_at\":\"2026-11-05T05:01:47.120Z\",\"failure_reason\":\"\"}}";
  }

  /**
   * A message id of the service's shape (a UUID), distinct per prefix (8 hex digits) and number.
   */
  static String uuid(String prefix8Hex, int n) {
    return prefix8Hex + "-0000-4000-8000-" + String.format("%012x", n);
  }

  static String[] auth() {
    return new String[] {"Authorization", "Bearer " + HubSpotSimulator.ACCESS_TOKEN};
  }

  static JsonNode onlyError(Http.Answer answer) {
    assertThat(answer.json().path("errors")).as(answer.body()).hasSize(1);
    return answer.json().path("errors").get(0);
  }
}

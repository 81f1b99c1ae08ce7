package io.octopods.simulator.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.Times;
import io.octopods.simulator.core.callbacks.JournaledAttempt;
import io.octopods.simulator.core.messages.SimulatedMessage;
import io.octopods.simulator.core.scenario.ScenarioCatalog;
import java.time.Instant;

/** The admin API's JSON shapes (contracts/simulator/admin-*.schema.json). */
final class AdminViews {
  private AdminViews() {}

  static ObjectNode message(SimulatedMessage m, Instant now) {
    ObjectNode o =
        Json.object()
            .put("provider_message_id", m.providerMessageId())
            .put("to", m.to())
            .put("scenario", m.scenario().id())
            .put("status", m.status(now))
            .put("received_at", Times.rfc3339(m.receivedAt()))
            .put("attempts", m.attempts());
    o.put("correlation", m.correlation().orElse(null));
    return o;
  }

  static ObjectNode attempt(JournaledAttempt a) {
    ObjectNode o =
        Json.object()
            .put("seq", a.seq())
            .put("message", a.message())
            .put("step", a.step())
            .put("status", a.status())
            .put("attempt", a.attempt())
            .put("due_at", Times.rfc3339(a.dueAt()))
            .put("sent_at", Times.rfc3339(a.sentAt()))
            .put("url", a.url());
    ObjectNode headers = o.putObject("headers");
    a.headers().forEach(headers::put);
    o.put("body", a.body())
        .put("signature", a.signature())
        .put("outcome", a.outcome().word())
        .put("response_code", a.responseCode())
        .put("latency_ms", a.latencyMs())
        .put("next_retry_at", Times.rfc3339(a.nextRetryAt()));
    return o;
  }

  static ObjectNode fired(JournaledAttempt a) {
    return Json.object()
        .put("seq", a.seq())
        .put("message", a.message())
        .put("status", a.status())
        .put("response_code", a.responseCode());
  }

  static ObjectNode scenario(ScenarioCatalog.Entry e) {
    return Json.object()
        .put("id", e.scenario().id())
        .put("provider", e.scenario().provider())
        .put("description", e.scenario().description())
        .put("source", e.source().word());
  }
}

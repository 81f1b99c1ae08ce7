package io.octopods.simulator.viber;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.callbacks.CallbackFormat;
import io.octopods.simulator.core.callbacks.CallbackTargets;
import io.octopods.simulator.core.callbacks.Delivery;
import io.octopods.simulator.core.callbacks.OutgoingCallback;
import io.octopods.simulator.core.callbacks.RetrySchedule;
import io.octopods.simulator.core.messages.SimulatedMessage;
import io.octopods.simulator.core.payload.PayloadFields;
import io.octopods.simulator.core.payload.Placeholders;
import io.octopods.simulator.core.payload.RawBody;
import io.octopods.simulator.core.payload.Signing;
import io.octopods.simulator.core.scenario.CallbackStep;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Viber's receipts: one JSON event per request, {@code {"event","timestamp"
 * (ms),"message_token","user_id"}} plus {@code desc} from the step's {@code error}; signed with
 * {@code X-Viber-Content-Signature} and the same value as {@code sig} in the URL ({@code signature:
 * invalid} and {@code missing} apply to both); retried 3 times 5 s apart, then every 60 s until 1
 * hour.
 */
final class ViberCallbacks implements CallbackFormat {
  /**
   * Facts of a message: the receiver as sent (echoed as {@code user_id}) and its {@code
   * tracking_data}.
   */
  static final String RECEIVER = "receiver";

  static final String TRACKING_DATA = "tracking_data";

  private static final RetrySchedule RETRIES = new ViberRetrySchedule();

  private final CallbackTargets targets;

  ViberCallbacks(CallbackTargets targets) {
    this.targets = targets;
  }

  @Override
  public OutgoingCallback render(Delivery d) {
    String url = targets.url(ViberSimulator.NAME).orElse(null);
    Placeholders placeholders = placeholders(d, url);
    CallbackStep step = d.head();
    byte[] body =
        step.raw().isPresent()
            ? RawBody.bytes(step.raw().get(), placeholders)
            : Json.write(event(d, placeholders)).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", step.contentType().orElse("application/json"));
    Optional<String> signature =
        Signing.key(step.signature(), ViberSimulator.AUTH_TOKEN)
            .map(key -> ViberSignature.of(key, body));
    signature.ifPresent(sig -> headers.put(ViberSignature.HEADER, sig));
    String called =
        url == null ? null : signature.map(sig -> ViberSignature.onUrl(url, sig)).orElse(url);
    return new OutgoingCallback(called, headers, body);
  }

  private static ObjectNode event(Delivery d, Placeholders placeholders) {
    SimulatedMessage m = d.message();
    CallbackStep step = d.head();
    ObjectNode event =
        Json.object().put("event", step.statusOr("")).put("timestamp", d.firstDue().toEpochMilli());
    event.set("message_token", MessageToken.json(m.providerMessageId()));
    event.put("user_id", m.fact(RECEIVER).orElse(m.to()));
    step.error()
        .map(ViberCallbacks::desc)
        .or(
            () ->
                "failed".equals(step.statusOr(""))
                    ? Optional.of(FAILED_WITHOUT_ERROR)
                    : Optional.empty())
        .ifPresent(desc -> event.put("desc", desc)); // Viber's failed receipt always carries one
    step.fields().ifPresent(f -> PayloadFields.merge(f, event, event, placeholders));
    return event;
  }

  /** The {@code desc} of a {@code failed} step that names no error. */
  static final String FAILED_WITHOUT_ERROR = "failure description not given by the scenario";

  /**
   * A failure's {@code desc}: the scenario's text, or for a status code its readable description.
   */
  static String desc(String error) {
    return ViberStatus.code(error).map(ViberStatus::description).orElse(error);
  }

  private static Placeholders placeholders(Delivery d, String url) {
    SimulatedMessage m = d.message();
    return new Placeholders()
        .put("provider_message_id", MessageToken.json(m.providerMessageId()))
        .put("to", m.to())
        .put("timestamp", LongNode.valueOf(d.firstDue().toEpochMilli()))
        .put("callback_url", url)
        .put("callback_data", m.fact(TRACKING_DATA).orElse(null));
  }

  @Override
  public RetrySchedule retrySchedule(SimulatedMessage message) {
    return RETRIES;
  }
}

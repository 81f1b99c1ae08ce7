package io.octopods.simulator.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.callbacks.CallbackFormat;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's status callbacks (providers.md 1.4): a form POST to the message's StatusCallback (its
 * fragment, the connection overrides, removed), signed with {@code X-Twilio-Signature} over that
 * URL and the parameters of the final body; a JSON {@code content_type} uses the {@code bodySHA256}
 * variant. Retried as the fragment's connection overrides say, else once after a connection failure
 * ({@link ConnectionOverrides}); a message without a StatusCallback calls nowhere and is never
 * retried.
 */
final class TwilioCallbacks implements CallbackFormat {
  static final String FORM = "application/x-www-form-urlencoded";

  @Override
  public OutgoingCallback render(Delivery d) {
    SimulatedMessage m = d.message();
    CallbackStep head = d.head();
    String url = m.fact("StatusCallback").map(CallbackUrl::withoutFragment).orElse(null);
    Placeholders placeholders = placeholders(d, url);
    String contentType = head.contentType().orElse(FORM);
    boolean json = contentType.toLowerCase(Locale.ROOT).contains("json");

    byte[] body;
    Map<String, String> signedParams;
    if (head.raw().isPresent()) {
      body = RawBody.bytes(head.raw().get(), placeholders);
      signedParams =
          json ? Map.of() : FormParams.parse(new String(body, StandardCharsets.UTF_8)).asMap();
    } else {
      ObjectNode params = params(m, head);
      head.fields().ifPresent(f -> PayloadFields.merge(f, params, params, placeholders));
      signedParams = json ? Map.of() : strings(params);
      body =
          (json ? Json.write(params) : FormParams.encode(signedParams))
              .getBytes(StandardCharsets.UTF_8);
    }

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    String target = url == null || !json ? url : TwilioSignature.withBodySha(url, body);
    Optional<String> key = Signing.key(head.signature(), TwilioSimulator.AUTH_TOKEN);
    if (target != null && key.isPresent()) {
      String signedUrl =
          head.signature() == CallbackStep.Signature.PORT_VARIANT
              ? TwilioSignature.portVariant(target)
              : target;
      headers.put(
          TwilioSignature.HEADER,
          json
              ? TwilioSignature.ofJsonBody(key.get(), signedUrl)
              : TwilioSignature.of(key.get(), signedUrl, signedParams));
    }
    return new OutgoingCallback(target, headers, body);
  }

  /** Twilio's parameters for one step, in the order of its captures. */
  private static ObjectNode params(SimulatedMessage m, CallbackStep step) {
    String status = step.statusOr("");
    ObjectNode p =
        Json.object()
            .put("MessageSid", m.providerMessageId())
            .put("SmsSid", m.providerMessageId())
            .put("AccountSid", m.fact("AccountSid").orElse(TwilioSimulator.ACCOUNT_SID))
            .put("From", m.fact("From").orElse(TwilioSimulator.DEFAULT_FROM))
            .put("To", m.fact("To").orElse(m.to()))
            .put("MessageStatus", status)
            .put("SmsStatus", status);
    m.fact("MessagingServiceSid").ifPresent(s -> p.put("MessagingServiceSid", s));
    step.error().ifPresent(code -> p.put("ErrorCode", code));
    p.put("ApiVersion", MessageResource.API_VERSION);
    return p;
  }

  /** Form values: text as is, numbers and booleans as written, anything else as compact JSON. */
  private static Map<String, String> strings(ObjectNode params) {
    Map<String, String> form = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = params.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      form.put(e.getKey(), v.isValueNode() ? v.asText() : Json.write(v));
    }
    return form;
  }

  private static Placeholders placeholders(Delivery d, String url) {
    SimulatedMessage m = d.message();
    return new Placeholders()
        .put("provider_message_id", m.providerMessageId())
        .put("to", m.to())
        .put("timestamp", TwilioDates.dlrDoneDate(d.firstDue()))
        .put("callback_url", url)
        .put("callback_data", m.correlation().orElse(null));
  }

  @Override
  public RetrySchedule retrySchedule(SimulatedMessage message) {
    return message
        .fact("StatusCallback")
        .map(ConnectionOverrides::scheduleFor)
        .orElse(RetrySchedule.NONE);
  }
}

package io.octopods.simulator.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Meta's status notifications: {@code entry[].changes[].value.statuses[]}, batched steps joining
 * the one before; signed with {@code X-Hub-Signature-256}; retried after 30 s, doubling up to 1 h,
 * then hourly until 7 days.
 */
final class WhatsAppCallbacks implements CallbackFormat {
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration LONGEST_WAIT = Duration.ofHours(1);
  private static final Duration GIVE_UP = Duration.ofDays(7);

  private final CallbackTargets targets;

  WhatsAppCallbacks(CallbackTargets targets) {
    this.targets = targets;
  }

  @Override
  public OutgoingCallback render(Delivery d) {
    String url = targets.url("whatsapp").orElse(null);
    Placeholders placeholders = placeholders(d, url);
    CallbackStep head = d.head();
    byte[] body;
    if (head.raw().isPresent()) {
      body = RawBody.bytes(head.raw().get(), placeholders);
    } else {
      body = Json.write(notification(d, placeholders)).getBytes(StandardCharsets.UTF_8);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", head.contentType().orElse("application/json"));
    Signing.key(head.signature(), WhatsAppSimulator.APP_SECRET)
        .ifPresent(key -> headers.put(WhatsAppSignature.HEADER, WhatsAppSignature.of(key, body)));
    return new OutgoingCallback(url, headers, body);
  }

  private static ObjectNode notification(Delivery d, Placeholders placeholders) {
    ObjectNode root = Json.object().put("object", "whatsapp_business_account");
    ArrayNode entries = root.putArray("entry");
    ArrayNode statuses = null;
    ArrayNode changes = null;
    List<Map.Entry<ObjectNode, CallbackStep>> events = new ArrayList<>();
    boolean firstOutcome = true;
    for (CallbackStep step : d.steps()) {
      if (changes == null || step.batch() == CallbackStep.Batch.ENTRY) {
        ObjectNode entry = entries.addObject().put("id", WhatsAppSimulator.WABA_ID);
        changes = entry.putArray("changes");
        statuses = null;
      }
      if (statuses == null || step.batch() == CallbackStep.Batch.CHANGE) {
        ObjectNode value =
            changes
                .addObject()
                .put("field", "messages")
                .putObject("value")
                .put("messaging_product", "whatsapp");
        value
            .putObject("metadata")
            .put("display_phone_number", WhatsAppSimulator.DISPLAY_PHONE_NUMBER)
            .put("phone_number_id", WhatsAppSimulator.PHONE_NUMBER_ID);
        statuses = value.putArray("statuses");
      }
      String word = step.statusOr("");
      boolean billed =
          "sent".equals(word)
              || (firstOutcome && ("delivered".equals(word) || "read".equals(word)));
      if ("delivered".equals(word) || "read".equals(word)) {
        firstOutcome = false;
      }
      ObjectNode status = status(d.message(), step, d.firstDue(), billed);
      statuses.add(status);
      events.add(Map.entry(status, step));
    }
    for (Map.Entry<ObjectNode, CallbackStep> e : events) {
      e.getValue().fields().ifPresent(f -> PayloadFields.merge(f, e.getKey(), root, placeholders));
    }
    return root;
  }

  private static ObjectNode status(
      SimulatedMessage m, CallbackStep step, Instant due, boolean billed) {
    ObjectNode s =
        Json.object()
            .put("id", m.providerMessageId())
            .put("status", step.statusOr(""))
            .put("timestamp", String.valueOf(due.getEpochSecond()))
            .put("recipient_id", m.to().replace("+", ""));
    m.fact("biz_opaque_callback_data").ifPresent(data -> s.put("biz_opaque_callback_data", data));
    if (billed) {
      ObjectNode conversation = s.putObject("conversation").put("id", conversationId(m));
      if ("sent".equals(step.statusOr(""))) {
        conversation.put(
            "expiration_timestamp", String.valueOf(due.plus(Duration.ofDays(1)).getEpochSecond()));
      }
      conversation.putObject("origin").put("type", "utility");
      s.putObject("pricing")
          .put("billable", true)
          .put("pricing_model", "PMP")
          .put("type", "regular")
          .put("category", "utility");
    }
    step.error().ifPresent(code -> s.putArray("errors").add(WhatsAppErrors.statusError(code)));
    return s;
  }

  private static String conversationId(SimulatedMessage m) {
    return String.format("%032x", Math.abs((long) m.providerMessageId().hashCode()) * 2654435761L);
  }

  private static Placeholders placeholders(Delivery d, String url) {
    SimulatedMessage m = d.message();
    return new Placeholders()
        .put("provider_message_id", m.providerMessageId())
        .put("to", m.to())
        .put("timestamp", TextNode.valueOf(String.valueOf(d.firstDue().getEpochSecond())))
        .put("callback_url", url)
        .put("callback_data", m.fact("biz_opaque_callback_data").orElse(null));
  }

  @Override
  public RetrySchedule retrySchedule(SimulatedMessage message) {
    return (failedAttempt, sinceFirst) -> {
      Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempt - 1, 20));
      if (wait.compareTo(LONGEST_WAIT) > 0) {
        wait = LONGEST_WAIT;
      }
      return sinceFirst.plus(wait).compareTo(GIVE_UP) > 0 ? Optional.empty() : Optional.of(wait);
    };
  }
}

package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.whatsapp.WhatsAppErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Meta's notifications (providers.md 2.4): every {@code entry[].changes[].value.statuses[]} item is
 * a report, with its place in the batch; {@code timestamp} is a string of Unix seconds. Inbound
 * {@code messages}, {@code errors} without statuses and other fields are no reports. The item keys
 * the simulator writes by itself are those of {@code WhatsAppCallbacks}; any other one is kept as a
 * field.
 */
final class WhatsAppCallbackReader implements CallbackReader {
  /** What {@code WhatsAppCallbacks} writes in a status item. */
  static final Set<String> WRITTEN =
      Set.of(
          "id",
          "status",
          "timestamp",
          "recipient_id",
          "biz_opaque_callback_data",
          "conversation",
          "pricing",
          "errors");

  @Override
  public Reading read(String body, Optional<String> contentType) {
    JsonNode root = Json.parse(body);
    if (!root.isObject() || !root.path("entry").isArray()) {
      throw new IllegalArgumentException("no entry[] array: not a Meta webhook notification");
    }
    List<StatusItem> items = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    JsonNode entries = root.get("entry");
    for (int e = 0; e < entries.size(); e++) {
      JsonNode changes = entries.get(e).path("changes");
      for (int c = 0; c < changes.size(); c++) {
        JsonNode change = changes.get(c);
        JsonNode value = change.path("value");
        String where = "entry[" + e + "].changes[" + c + "]";
        if (!"messages".equals(change.path("field").asText("messages"))) {
          skipped.add(where + " is field '" + change.path("field").asText() + "', not messages");
        }
        if (value.has("messages")) {
          skipped.add(where + " carries inbound messages (value.messages), not status reports");
        }
        if (value.has("errors") && !value.has("statuses")) {
          skipped.add(where + " carries value.errors without statuses");
        }
        for (JsonNode item : value.path("statuses")) {
          if (item.isObject()) {
            items.add(item((ObjectNode) item, e, c));
          } else {
            skipped.add(where + " has a statuses[] item that is no object: " + item);
          }
        }
      }
    }
    return new Reading(items, skipped);
  }

  /** The service stores each status item alone, as its raw payload. */
  @Override
  public Reading readStored(String raw) {
    JsonNode item = Json.parse(raw);
    if (!item.isObject()) {
      throw new IllegalArgumentException("a stored WhatsApp payload is one statuses[] item");
    }
    return new Reading(List.of(item((ObjectNode) item, 0, 0)), List.of());
  }

  static StatusItem item(ObjectNode item, int entry, int change) {
    ObjectNode fields = Json.object();
    item.fields()
        .forEachRemaining(
            f -> {
              if (!WRITTEN.contains(f.getKey())) {
                fields.set(f.getKey(), f.getValue());
              }
            });
    JsonNode ts = item.get("timestamp");
    Optional<Long> millis = Optional.empty();
    if (ts != null && ts.asText().matches("\\d{1,12}")) {
      millis = Optional.of(Long.parseLong(ts.asText()) * 1000);
    } else if (item.has("timestamp")) {
      fields.set("timestamp", ts); // the simulator writes its own time: keep what cannot be one
    }
    Optional<String> error = Optional.empty();
    JsonNode errors = item.get("errors");
    if (errors != null) {
      JsonNode code = errors.path(0).path("code");
      if (errors.isArray() && errors.size() == 1 && code.asText().matches("\\d{1,9}")) {
        error = Optional.of(code.asText());
      } else {
        fields.set("errors", errors); // an empty list, no code, several errors: as received
      }
    }
    return new StatusItem(
        item.path("id").isTextual() ? item.get("id").asText() : null,
        item.path("status").asText(""),
        millis,
        Optional.ofNullable(ts),
        error,
        fields,
        entry,
        change);
  }

  @Override
  public String contract() {
    return "providers/whatsapp/webhook.schema.json";
  }

  @Override
  public boolean knownError(String error) {
    return WhatsAppErrors.known(error);
  }
}

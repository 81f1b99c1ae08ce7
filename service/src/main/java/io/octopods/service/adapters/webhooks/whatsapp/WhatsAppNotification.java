package io.octopods.service.adapters.webhooks.whatsapp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.webhooks.MalformedEnvelope;
import io.octopods.service.application.IncomingReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Meta webhook notification (providers.md 2.4): every {@code
 * entry[].changes[].value.statuses[]} item becomes one report, in document order (L1), each on its
 * own: an item without an id, with an unknown word or an unreadable {@code timestamp} is still a
 * report with what can be read (C2), never a failed batch. Inbound {@code value.messages} (L2),
 * {@code value.errors} without statuses and any other field are ignored. Each report's raw payload
 * is its status item's JSON text exactly as it came (escapes and all).
 *
 * <p>Only the envelope can be malformed: a body that is not JSON, not an object, or has no {@code
 * entry} array.
 */
public final class WhatsAppNotification {
  private static final String SHAPE =
      "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":"
          + "{\"statuses\":[...]}}]}]}";

  private final byte[] body;
  private final JsonParser parser;
  private final List<IncomingReport> reports = new ArrayList<>();

  private WhatsAppNotification(byte[] body, JsonParser parser) {
    this.body = body;
    this.parser = parser;
  }

  /** The reports of a notification; none for one that carries no statuses. */
  public static List<IncomingReport> read(byte[] body) {
    try (JsonParser parser = JsonBodies.MAPPER.createParser(body)) {
      WhatsAppNotification notification = new WhatsAppNotification(body, parser);
      notification.root();
      return List.copyOf(notification.reports);
    } catch (JsonProcessingException e) {
      throw new MalformedEnvelope(
          "the body is not JSON (" + e.getOriginalMessage() + "); expected " + SHAPE);
    } catch (
        IOException e) { // e.g. bytes that look like UTF-32 but are not: still the sender's body
      throw new MalformedEnvelope(
          "the body is not JSON text in UTF-8 (" + e.getMessage() + "); expected " + SHAPE);
    }
  }

  private void root() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new MalformedEnvelope("the body is empty; expected " + SHAPE);
    }
    if (first != JsonToken.START_OBJECT) {
      throw new MalformedEnvelope(
          "the body is a JSON " + kind(first) + ", expected an object: " + SHAPE);
    }
    boolean entries = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("entry".equals(name)) {
        if (value != JsonToken.START_ARRAY) {
          throw new MalformedEnvelope(
              "'entry' is a JSON " + kind(value) + ", expected an array: " + SHAPE);
        }
        entries = true;
        eachObject(this::entry);
      } else {
        parser.skipChildren();
      }
    }
    if (!entries) {
      throw new MalformedEnvelope("it has no 'entry' array; expected " + SHAPE);
    }
  }

  private void entry() throws IOException {
    fields("changes", JsonToken.START_ARRAY, () -> eachObject(this::change));
  }

  private void change() throws IOException {
    fields("value", JsonToken.START_OBJECT, this::value);
  }

  private void value() throws IOException {
    fields("statuses", JsonToken.START_ARRAY, this::statuses);
  }

  private void statuses() throws IOException {
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      long start = parser.currentTokenLocation().getByteOffset();
      JsonNode item = parser.readValueAsTree();
      long end = parser.currentLocation().getByteOffset();
      String raw =
          start >= 0 && end > start && end <= body.length
              ? new String(body, (int) start, (int) (end - start), StandardCharsets.UTF_8)
              : String.valueOf(item);
      reports.add(WhatsAppStatusItem.read(item, raw));
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }

  /**
   * Walks the fields of the object the parser is in; runs {@code step} on {@code name} when it has
   * the right shape.
   */
  private void fields(String name, JsonToken shape, Step step) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals(field) && value == shape) {
        step.run();
      } else {
        parser.skipChildren();
      }
    }
  }

  /** Walks the array the parser is in; runs {@code step} on each object, skips anything else. */
  private void eachObject(Step step) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == JsonToken.START_OBJECT) {
        step.run();
      } else {
        parser.skipChildren();
      }
    }
  }

  private static String kind(JsonToken token) {
    switch (token) {
      case START_ARRAY:
        return "array";
      case START_OBJECT:
        return "object";
      case VALUE_STRING:
        return "string";
      case VALUE_NULL:
        return "null";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "boolean";
      default:
        return token.isNumeric() ? "number" : token.name().toLowerCase(Locale.ROOT);
    }
  }
}

package io.octopods.service.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.http.Problem.FieldError;
import io.octopods.service.application.SendMessage;
import io.octopods.service.domain.Channel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The send request {@code {"to", "body", "contact": {"email"}}} (api.md, send limits): every
 * problem is found, each with a JSON Pointer, so one answer lists them all. {@code null} counts as
 * absent; a body's length is counted in Unicode characters (code points), and a body of only
 * whitespace counts as empty.
 */
final class SendRequestValidator {
  static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  static final int MAX_EMAIL = 254;
  private static final Set<String> FIELDS = Set.of("to", "body", "contact");
  private static final Set<String> CONTACT_FIELDS = Set.of("email");

  private SendRequestValidator() {}

  /**
   * The most characters a body may have on a channel: 1,600 (SMS), 4,096 (WhatsApp), 7,000 (Viber).
   */
  static int maxBodyLength(Channel channel) {
    switch (channel) {
      case SMS:
        return 1_600;
      case WHATSAPP:
        return 4_096;
      case VIBER:
        return 7_000;
      default:
        throw new IllegalArgumentException("no body limit for " + channel);
    }
  }

  /**
   * Every problem with the request, in the order to, body, contact, unknown fields; empty when it
   * can be sent.
   */
  static List<FieldError> problems(Channel channel, ObjectNode json) {
    List<FieldError> errors = new ArrayList<>();
    checkTo(json.get("to"), errors);
    checkBody(channel, json.get("body"), errors);
    JsonNode contact = json.get("contact");
    if (present(contact)) {
      if (!contact.isObject()) {
        errors.add(
            new FieldError(
                "/contact",
                "must be an object like {\"email\": \"ana@example.com\"}, was a "
                    + kind(contact)
                    + ": send the contact as an object, or leave it out"));
      } else {
        checkEmail(contact.get("email"), errors);
        unknownFields(contact, CONTACT_FIELDS, "/contact/", "contact takes only email", errors);
      }
    }
    unknownFields(json, FIELDS, "/", "a send request takes only to, body and contact", errors);
    return errors;
  }

  /** The request to send; only for a body without {@link #problems}. */
  static SendMessage.Request request(String workspace, Channel channel, ObjectNode json) {
    JsonNode contact = json.get("contact");
    Optional<String> email =
        present(contact) && present(contact.get("email"))
            ? Optional.of(contact.get("email").textValue())
            : Optional.empty();
    return new SendMessage.Request(
        workspace, channel, json.get("to").textValue(), json.get("body").textValue(), email);
  }

  private static void checkTo(JsonNode to, List<FieldError> errors) {
    String expected =
        "an E.164 number: '+', then 7 to 15 digits, the first not 0, without spaces or dashes, "
            + "like +15551230001";
    if (!present(to)) {
      errors.add(new FieldError("/to", "is required: the recipient's phone number, " + expected));
    } else if (!to.isTextual()) {
      errors.add(
          new FieldError("/to", "must be a string, was a " + kind(to) + ": send " + expected));
    } else if (!E164.matcher(to.textValue()).matches()) {
      errors.add(new FieldError("/to", "'" + clip(to.textValue()) + "' is not " + expected));
    }
  }

  private static void checkBody(Channel channel, JsonNode body, List<FieldError> errors) {
    int max = maxBodyLength(channel);
    if (!present(body)) {
      errors.add(
          new FieldError(
              "/body",
              String.format(
                  Locale.ROOT,
                  "is required: the text to send, 1 to %,d " + "characters on %s",
                  max,
                  channel.path())));
    } else if (!body.isTextual()) {
      errors.add(
          new FieldError(
              "/body", "must be a string, was a " + kind(body) + ": send the text to send"));
    } else if (body.textValue().isBlank()) {
      errors.add(
          new FieldError(
              "/body",
              String.format(
                  Locale.ROOT, "is empty: send the text to send, 1 to %,d " + "characters", max)));
    } else {
      String text = body.textValue();
      int length = text.codePointCount(0, text.length());
      if (length > max) {
        errors.add(
            new FieldError(
                "/body",
                String.format(
                    Locale.ROOT,
                    "is %,d characters; %s allows at most %,d: "
                        + "shorten it, or send it on a channel that allows more",
                    length,
                    channel.path(),
                    max)));
      }
    }
  }

  private static void checkEmail(JsonNode email, List<FieldError> errors) {
    if (!present(email)) {
      return;
    }
    if (!email.isTextual()) {
      errors.add(
          new FieldError(
              "/contact/email",
              "must be a string, was a "
                  + kind(email)
                  + ": send an email address like ana@example.com, or leave it out"));
    } else if (email.textValue().length() > MAX_EMAIL
        || !EMAIL.matcher(email.textValue()).matches()) {
      errors.add(
          new FieldError(
              "/contact/email",
              "'"
                  + clip(email.textValue())
                  + "' does not look like an email "
                  + "address: expected name@domain, at most "
                  + MAX_EMAIL
                  + " characters, like ana@example.com"));
    }
  }

  private static void unknownFields(
      JsonNode object, Set<String> known, String prefix, String what, List<FieldError> errors) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        errors.add(
            new FieldError(
                prefix + escape(name), "is not a field of this API (" + what + "): remove it"));
      }
    }
  }

  private static boolean present(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /**
   * A JSON Pointer reference token (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}.
   */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}

package io.octopods.service.adapters.surfaces.canvaskit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.application.MessageRecord;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of a Canvas Kit initialize or submit request the surfaces read (providers.md, section
 * 4): the Intercom workspace ({@code workspace_id}, {@code app_id} in API 1.2 and below), the
 * contact shown in the panel ({@code contact.email}, else {@code contact.phone}), and on submit the
 * component clicked and the {@code stored_data} of the canvas on screen. The shapes of {@code
 * contact} and the rest are UNCONFIRMED, so every field is optional and a field of another type
 * counts as absent.
 */
public record CanvasRequest(
    Optional<String> intercomWorkspaceId,
    Optional<String> contactEmail,
    Optional<String> contactPhone,
    Optional<String> componentId,
    ObjectNode storedData) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s\\-.()/]");

  /**
   * Reads a request body that is JSON; throws {@link IllegalArgumentException} when it is not a
   * JSON object.
   */
  public static CanvasRequest read(byte[] body) {
    JsonNode json = JsonBodies.parse(body);
    if (!json.isObject()) {
      throw new IllegalArgumentException("the body is JSON but not an object");
    }
    JsonNode contact = json.path("contact");
    JsonNode stored = json.path("current_canvas").path("stored_data");
    return new CanvasRequest(
        text(json.path("workspace_id")).or(() -> text(json.path("app_id"))),
        text(contact.path("email")).map(String::trim),
        text(contact.path("phone")).flatMap(CanvasRequest::e164),
        text(json.path("component_id")),
        stored.isObject()
            ? ((ObjectNode) stored).deepCopy()
            : JsonBodies.MAPPER.createObjectNode());
  }

  /**
   * A phone number as we store {@code to}: E.164. Spaces, dashes, dots, slashes and parentheses are
   * dropped, a leading {@code 00} becomes {@code +}, and digits alone are taken to include the
   * country code. Empty when what remains is not E.164.
   */
  static Optional<String> e164(String phone) {
    String compact = PHONE_PUNCTUATION.matcher(phone).replaceAll("");
    if (compact.startsWith("00")) {
      compact = "+" + compact.substring(2);
    } else if (!compact.startsWith("+")) {
      compact = "+" + compact;
    }
    return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
  }

  /** Whether the request's contact has an email or a phone to find messages by. */
  public boolean hasContact() {
    return contactEmail.isPresent() || contactPhone.isPresent();
  }

  /**
   * Whether a message belongs to the request's contact, by the same rule the surfaces find messages
   * with: the contact's email (without regard to case) when it has one, else its phone against
   * {@code to}.
   */
  public boolean isContactOf(MessageRecord message) {
    if (contactEmail.isPresent()) {
      return message
          .contactEmail()
          .map(
              e ->
                  e.trim()
                      .toLowerCase(Locale.ROOT)
                      .equals(contactEmail.get().toLowerCase(Locale.ROOT)))
          .orElse(false);
    }
    return contactPhone.map(p -> p.equals(message.to())).orElse(false);
  }

  /** A text field of {@code stored_data}. */
  public Optional<String> stored(String name) {
    return text(storedData.path(name));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}

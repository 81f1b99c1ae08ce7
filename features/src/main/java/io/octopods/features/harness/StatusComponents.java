package io.octopods.features.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The component of a Canvas Kit canvas that shows one message's status, read from the canvas's JSON
 * where api.md ("Where a canvas shows a message's status") fixes it. Nothing else on a canvas
 * counts: a header that happens to hold a label says nothing about a message.
 */
public final class StatusComponents {
  /** The start of the Reach text that names the current step. */
  static final String REACH_NOW = "Now: ";

  /** What separates the step from the note on Reach: a middle dot between spaces. */
  static final String REACH_SEPARATOR = " \u00b7 ";

  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusComponents() {}

  /** What a canvas shows of a message's status, or why it shows none. */
  public sealed interface Reading permits Shown, Missing {
    /** Which component of which canvas, for which message. */
    String component();
  }

  /**
   * The component as served.
   *
   * @param text its whole text
   * @param icon the icon text before the label (empty on Reach, which shows no icon)
   * @param label the label, or Reach's step
   * @param note what follows the step on Reach ({@code final} or {@code Refresh for updates});
   *     empty on the Inbox
   */
  public record Shown(String component, String text, String icon, String label, String note)
      implements Reading {}

  /** The canvas has no such component for the message; {@code why} says what is there instead. */
  public record Missing(String component, String why) implements Reading {}

  /**
   * On the Inbox app's first canvas: the {@code subtitle} of the list item whose {@code id} is the
   * message id, {@code <icon text> <label>}, split at its first space.
   */
  public static Reading onInboxCanvas(String canvasJson, String messageId) {
    String component = "Intercom Inbox canvas, list item " + messageId + ", subtitle";
    JsonNode components;
    try {
      components = JSON.readTree(canvasJson).at("/canvas/content/components");
    } catch (JsonProcessingException e) {
      return new Missing(component, "the canvas is not JSON: " + canvasJson);
    }
    for (JsonNode list : components) {
      if (!"list".equals(list.path("type").asText())) {
        continue;
      }
      for (JsonNode item : list.path("items")) {
        if (!messageId.equals(item.path("id").asText())) {
          continue;
        }
        JsonNode subtitle = item.get("subtitle");
        if (subtitle == null || !subtitle.isTextual()) {
          return new Missing(component, "the list item has no subtitle: " + item);
        }
        return iconAndLabel(component, subtitle.asText());
      }
    }
    return new Missing(component, "no list item has the message's id: " + canvasJson);
  }

  /**
   * On the Inbox app's detail canvas of one message, whose {@code stored_data.message_id} is the
   * message id: the {@code value} of the {@code data-table}'s {@code field-value} item whose {@code
   * field} is {@code Delivery Status}, {@code <icon text> <label>}, split at its first space.
   */
  public static Reading onInboxDetailCanvas(String canvasJson, String messageId) {
    String component = "Intercom Inbox detail canvas of message " + messageId + ", Delivery Status";
    JsonNode canvas;
    try {
      canvas = JSON.readTree(canvasJson).path("canvas");
    } catch (JsonProcessingException e) {
      return new Missing(component, "the canvas is not JSON: " + canvasJson);
    }
    JsonNode storedId = canvas.at("/stored_data/message_id");
    if (!messageId.equals(storedId.asText())) {
      return new Missing(
          component,
          "the canvas is not this message's detail (its stored_data.message_id is "
              + (storedId.isMissingNode() ? "absent" : storedId.toString())
              + "): "
              + canvasJson);
    }
    for (JsonNode table : canvas.at("/content/components")) {
      if (!"data-table".equals(table.path("type").asText())) {
        continue;
      }
      for (JsonNode row : table.path("items")) {
        if (!"Delivery Status".equals(row.path("field").asText())) {
          continue;
        }
        JsonNode value = row.get("value");
        if (value == null || !value.isTextual()) {
          return new Missing(component, "the Delivery Status row has no value: " + row);
        }
        return iconAndLabel(component, value.asText());
      }
    }
    return new Missing(component, "no data-table row is 'Delivery Status': " + canvasJson);
  }

  private static Shown iconAndLabel(String component, String text) {
    int space = text.indexOf(' ');
    return space < 0
        ? new Shown(component, text, "", text, "")
        : new Shown(component, text, text.substring(0, space), text.substring(space + 1), "");
  }

  /**
   * On Reach's timeline canvas, whose {@code stored_data.message_id} is the message id: the {@code
   * text} component that starts with {@code Now: }, {@code Now: <step> · <note>}.
   */
  public static Reading onReachCanvas(String canvasJson, String messageId) {
    String component = "Reach canvas, text 'Now:' of message " + messageId;
    JsonNode canvas;
    try {
      canvas = JSON.readTree(canvasJson).path("canvas");
    } catch (JsonProcessingException e) {
      return new Missing(component, "the canvas is not JSON: " + canvasJson);
    }
    JsonNode storedId = canvas.at("/stored_data/message_id");
    if (!messageId.equals(storedId.asText())) {
      return new Missing(
          component,
          "the canvas is not this message's timeline (its stored_data.message_id is "
              + (storedId.isMissingNode() ? "absent" : storedId.toString())
              + "): "
              + canvasJson);
    }
    for (JsonNode c : canvas.at("/content/components")) {
      String text = c.path("text").asText();
      if ("text".equals(c.path("type").asText()) && text.startsWith(REACH_NOW)) {
        String rest = text.substring(REACH_NOW.length());
        int separator = rest.lastIndexOf(REACH_SEPARATOR);
        return separator < 0
            ? new Shown(component, text, "", rest, "")
            : new Shown(
                component,
                text,
                "",
                rest.substring(0, separator),
                rest.substring(separator + REACH_SEPARATOR.length()));
      }
    }
    return new Missing(component, "no text component starts with 'Now: ': " + canvasJson);
  }
}

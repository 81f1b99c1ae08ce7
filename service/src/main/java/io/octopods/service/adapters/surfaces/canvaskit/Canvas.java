package io.octopods.service.adapters.surfaces.canvaskit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.http.JsonBodies;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Canvas Kit response (providers.md, section 4): {@code {"canvas": {"content": {"components":
 * [...]}, "stored_data": {...}}}}, built from the documented components this project uses only:
 * {@code text}, {@code list} of {@code item}s, {@code data-table} of {@code field-value}s, {@code
 * button} (submit action), {@code spacer} and {@code divider}. Every action is a submit (sheets are
 * Messenger-only; no URL is needed).
 */
public final class Canvas {
  /** {@code text} styles. */
  public enum TextStyle {
    HEADER,
    PARAGRAPH,
    MUTED,
    ERROR
  }

  /** {@code button} styles. */
  public enum ButtonStyle {
    PRIMARY,
    SECONDARY,
    LINK
  }

  /** {@code spacer} sizes. */
  public enum SpacerSize {
    XS,
    S,
    M,
    L,
    XL
  }

  /** A list item that submits with its id as {@code component_id}. */
  public record Item(
      String id, String title, Optional<String> subtitle, Optional<String> tertiaryText) {
    public Item {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }

  /** A {@code field-value} row of a data table. */
  public record Row(String field, String value) {
    public Row {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }
  }

  private final ObjectNode root = JsonBodies.MAPPER.createObjectNode();
  private final ArrayNode components;
  private final ObjectNode storedData;

  private Canvas() {
    ObjectNode canvas = root.putObject("canvas");
    components = canvas.putObject("content").putArray("components");
    storedData = canvas.putObject("stored_data");
  }

  public static Canvas create() {
    return new Canvas();
  }

  /** A {@code text} component; the text is plain (no Markdown is written by this project). */
  public Canvas text(String text, TextStyle style) {
    components.addObject().put("type", "text").put("text", text).put("style", lower(style));
    return this;
  }

  /** A {@code list}; Canvas Kit has no empty list, so {@code items} must have at least one. */
  public Canvas list(List<Item> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a Canvas Kit list needs at least one item");
    }
    ArrayNode array = components.addObject().put("type", "list").putArray("items");
    for (Item item : items) {
      ObjectNode o =
          array.addObject().put("type", "item").put("id", item.id()).put("title", item.title());
      item.subtitle().ifPresent(s -> o.put("subtitle", s));
      item.tertiaryText().ifPresent(t -> o.put("tertiary_text", t));
      o.putObject("action").put("type", "submit");
    }
    return this;
  }

  /** A {@code data-table}; at least one row. */
  public Canvas dataTable(List<Row> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a Canvas Kit data-table needs at least one row");
    }
    ArrayNode array = components.addObject().put("type", "data-table").putArray("items");
    rows.forEach(
        r ->
            array
                .addObject()
                .put("type", "field-value")
                .put("field", r.field())
                .put("value", r.value()));
    return this;
  }

  /** A {@code button} whose click submits with {@code id} as {@code component_id}. */
  public Canvas button(String id, String label, ButtonStyle style) {
    ObjectNode b =
        components
            .addObject()
            .put("type", "button")
            .put("id", id)
            .put("label", label)
            .put("style", lower(style));
    b.putObject("action").put("type", "submit");
    return this;
  }

  public Canvas spacer(SpacerSize size) {
    components.addObject().put("type", "spacer").put("size", lower(size));
    return this;
  }

  public Canvas divider() {
    components.addObject().put("type", "divider");
    return this;
  }

  /**
   * A value of {@code stored_data}, which comes back in the next submit request as {@code
   * current_canvas.stored_data}.
   */
  public Canvas store(String name, String value) {
    storedData.put(name, value);
    return this;
  }

  /** The response body. */
  public ObjectNode json() {
    return root.deepCopy();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}

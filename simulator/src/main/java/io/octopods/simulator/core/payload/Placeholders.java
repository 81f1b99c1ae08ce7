package io.octopods.simulator.core.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code {{provider_message_id}}}, {@code {{to}}}, {@code {{timestamp}}}, {@code {{callback_url}}},
 * {@code {{callback_data}}} in {@code fields} and {@code raw}. A value that is exactly one
 * placeholder takes its native JSON type (Viber's token becomes a number); inside a longer string
 * it is replaced as text.
 */
public final class Placeholders {
  private final Map<String, JsonNode> values = new LinkedHashMap<>();

  public Placeholders put(String name, JsonNode value) {
    values.put(name, value);
    return this;
  }

  public Placeholders put(String name, String value) {
    return put(
        name,
        value == null
            ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
            : TextNode.valueOf(value));
  }

  /** Replaces placeholders in text. */
  public String substitute(String text) {
    String out = text;
    for (Map.Entry<String, JsonNode> e : values.entrySet()) {
      out =
          out.replace("{{" + e.getKey() + "}}", e.getValue().isNull() ? "" : e.getValue().asText());
    }
    return out;
  }

  /** Replaces placeholders in a copy of a JSON value, deeply. */
  public JsonNode substitute(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String t = node.textValue();
      if (t.startsWith("{{") && t.endsWith("}}")) {
        JsonNode whole = values.get(t.substring(2, t.length() - 2));
        if (whole != null) {
          return whole;
        }
      }
      return t.contains("{{") ? TextNode.valueOf(substitute(t)) : node;
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        copy.set(f.getKey(), substitute(f.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(item -> copy.add(substitute(item)));
      return copy;
    }
    return node;
  }
}

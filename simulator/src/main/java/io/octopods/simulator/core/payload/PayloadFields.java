package io.octopods.simulator.core.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A step's {@code fields}, merged into the payload: a plain key sets (or, with {@code null},
 * deletes) a field of the event object; a key starting with {@code /} is a JSON Pointer from the
 * payload root.
 */
public final class PayloadFields {
  private PayloadFields() {}

  public static void merge(
      ObjectNode fields, ObjectNode event, ObjectNode root, Placeholders placeholders) {
    Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode value = placeholders.substitute(f.getValue());
      if (f.getKey().startsWith("/")) {
        atPointer(root, f.getKey(), value);
      } else if (value.isNull()) {
        event.remove(f.getKey());
      } else {
        event.set(f.getKey(), value);
      }
    }
  }

  private static void atPointer(ObjectNode root, String pointer, JsonNode value) {
    List<String> segments = new ArrayList<>();
    for (String s : pointer.substring(1).split("/", -1)) {
      segments.add(s.replace("~1", "/").replace("~0", "~"));
    }
    JsonNode parent = root;
    for (String s : segments.subList(0, segments.size() - 1)) {
      JsonNode next = parent.isArray() ? parent.get(Integer.parseInt(s)) : parent.get(s);
      if (next == null || next.isValueNode()) {
        if (!parent.isObject()) {
          throw new IllegalArgumentException(
              "fields: " + pointer + " names array index " + s + ", which is not there");
        }
        next = ((ObjectNode) parent).putObject(s);
      }
      parent = next;
    }
    String last = segments.get(segments.size() - 1);
    if (parent.isObject()) {
      if (value.isNull()) {
        ((ObjectNode) parent).remove(last);
      } else {
        ((ObjectNode) parent).set(last, value);
      }
    } else {
      ArrayNode array = (ArrayNode) parent;
      int index = "-".equals(last) ? array.size() : Integer.parseInt(last);
      if (value.isNull()) {
        array.remove(index);
      } else if (index >= array.size()) {
        array.add(value);
      } else {
        array.set(index, value);
      }
    }
  }
}

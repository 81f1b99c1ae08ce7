package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.octopods.simulator.core.Json;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Scrubs a JSON body field by field, key order and number text kept: strings as the provider's
 * {@link FieldRules} say (a string starting {@code wamid.} has its recipient replaced wherever it
 * is), numbers only when they are coordinates or phone numbers. A body that is not JSON is scrubbed
 * as free text.
 */
final class JsonScrub {
  private JsonScrub() {}

  static String body(String body, FieldRules rules, Pseudonyms pseudonyms) {
    JsonNode root;
    try {
      root = Json.parse(body);
    } catch (IllegalArgumentException notJson) {
      return pseudonyms.text(body);
    }
    if (root == null || root.isMissingNode()) {
      return pseudonyms.text(body);
    }
    return Json.write(node(root, "", "", rules, pseudonyms));
  }

  private static JsonNode node(
      JsonNode n, String parent, String field, FieldRules rules, Pseudonyms pseudonyms) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        e.setValue(node(e.getValue(), field, e.getKey(), rules, pseudonyms));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = (ArrayNode) n;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, node(a.get(i), parent, field, rules, pseudonyms));
      }
      return a;
    }
    if (n.isTextual()) {
      String v = n.asText();
      if (v.startsWith("wamid.")) {
        return TextNode.valueOf(pseudonyms.wamid(v));
      }
      return TextNode.valueOf(rules.of(parent, field).apply(v, pseudonyms));
    }
    if (n.isNumber()) {
      Treatment t = rules.of(parent, field);
      if (t == Treatment.ZERO) {
        return IntNode.valueOf(0);
      }
      if ((t == Treatment.PHONE || t == Treatment.ID)
          && n.isIntegralNumber()
          && Pseudonyms.isPhone(n.asText())) {
        return BigIntegerNode.valueOf(new BigInteger(pseudonyms.digits(n.asText())));
      }
    }
    return n;
  }
}

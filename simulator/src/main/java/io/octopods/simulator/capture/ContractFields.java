package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields a callback contract declares: a document's fields that no {@code properties} of the
 * schema names, where the schema names the fields of that object at all. Array items are walked
 * with their {@code items} schema; paths write array indices as {@code *}.
 */
final class ContractFields {
  private static final Map<String, ContractFields> LOADED = new ConcurrentHashMap<>();

  private final JsonNode schema;

  private ContractFields(JsonNode schema) {
    this.schema = schema;
  }

  /** The schema of a contract file relative to {@code contracts/}, read once. */
  static ContractFields of(String contract) {
    return LOADED.computeIfAbsent(contract, ContractFields::load);
  }

  private static ContractFields load(String contract) {
    String resource = "contracts/" + contract;
    try (InputStream in = ContractFields.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no contract " + resource + " on the class path");
      }
      return new ContractFields(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The paths of the document's fields the contract does not declare, sorted. */
  Set<String> undeclared(JsonNode document) {
    Set<String> out = new TreeSet<>();
    walk(schema, document, "", out);
    return out;
  }

  private void walk(JsonNode node, JsonNode value, String path, Set<String> out) {
    JsonNode s = resolve(node);
    if (value.isObject()) {
      JsonNode properties = s.get("properties");
      if (properties == null) {
        return; // the contract says nothing of what is inside
      }
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String at = path + "/" + f.getKey();
        if (properties.has(f.getKey())) {
          walk(properties.get(f.getKey()), f.getValue(), at, out);
        } else {
          out.add(at);
        }
      }
    } else if (value.isArray() && s.has("items")) {
      for (JsonNode item : value) {
        walk(s.get("items"), item, path + "/*", out);
      }
    }
  }

  /** A {@code $ref} within the same file ({@code #/$defs/...}) followed to its schema. */
  private JsonNode resolve(JsonNode node) {
    JsonNode n = node;
    while (n.has("$ref") && n.get("$ref").asText().startsWith("#")) {
      n = schema.at(n.get("$ref").asText().substring(1));
    }
    return n;
  }
}

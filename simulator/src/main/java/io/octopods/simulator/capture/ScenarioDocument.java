package io.octopods.simulator.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.scenario.ScenarioReader;
import io.octopods.simulator.core.scenario.ScenarioRejected;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A derived scenario as a document: its id, its YAML in the library's key order, checked by the
 * simulator's own reader (schema and rules) before anyone sees it.
 */
final class ScenarioDocument {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .build());

  private ScenarioDocument() {}

  /** {@code <provider>-<kind>-<12 hex digits of the SHA-256 of key>}. */
  static String id(String provider, String kind, String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return provider + "-" + kind + "-" + HexFormat.of().formatHex(hash).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static ObjectNode of(
      String id,
      String provider,
      String description,
      Optional<ObjectNode> expect,
      ArrayNode callbacks) {
    ObjectNode doc = Json.object().put("id", id).put("provider", provider);
    doc.put("description", description);
    expect.ifPresent(e -> doc.set("expect", e));
    doc.putObject("send").put("respond", "accept");
    doc.set("callbacks", callbacks);
    return doc;
  }

  /**
   * The document as YAML, once the simulator's reader accepts it and reads back the same document.
   *
   * @throws IllegalStateException when it does not: a derivation that writes an invalid scenario is
   *     a bug
   */
  static String yaml(ObjectNode doc) {
    String yaml;
    try {
      yaml = YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    String source = "derived " + doc.path("id").asText();
    try {
      JsonNode read = ScenarioReader.read(yaml, source).document();
      if (!normal(read).equals(normal(doc))) {
        throw new IllegalStateException(
            "bug: " + source + " reads back as " + Json.write(read) + ", not " + Json.write(doc));
      }
    } catch (ScenarioRejected e) {
      throw new IllegalStateException("bug: " + e.getMessage() + "\n" + yaml, e);
    }
    return yaml;
  }

  private static JsonNode normal(JsonNode n) {
    return Json.parse(Json.write(n));
  }
}

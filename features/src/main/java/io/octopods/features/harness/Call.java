package io.octopods.features.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP call the harness made and its answer (what it sent, what came back). */
public record Call(
    String method,
    String url,
    Map<String, String> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String body) {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The body as JSON ({@link MissingNode} when empty or not JSON). */
  public JsonNode json() {
    return parse(body);
  }

  static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  /**
   * This exchange when its status is {@code expected}; else an {@link AssertionError} naming the
   * call.
   */
  public Call expect(int expected) {
    if (status != expected) {
      throw new AssertionError(
          method + " " + url + " answered " + status + ", expected " + expected + ": " + body);
    }
    return this;
  }

  public Optional<String> header(String name) {
    return responseHeaders.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst();
  }

  /** A JSON string literal (quotes included). */
  public static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

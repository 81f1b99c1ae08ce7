package io.octopods.stack.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP for the end-to-end tests: one request, its status, headers and body (as text and as
 * JSON).
 */
public final class StackHttp {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private StackHttp() {}

  /** One answer. */
  public record Answer(
      String method,
      String url,
      int status,
      Map<String, java.util.List<String>> headers,
      String body) {
    /** The body as JSON ({@link MissingNode} when empty or not JSON). */
    public JsonNode json() {
      if (body == null || body.isBlank()) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
    }

    /**
     * This answer, when its status is {@code expected}; else an {@link AssertionError} naming the
     * call.
     */
    public Answer expect(int expected) {
      if (status != expected) {
        throw new AssertionError(
            method + " " + url + " answered " + status + ", expected " + expected + ": " + body);
      }
      return this;
    }

    public java.util.Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }
  }

  public static Answer get(String url) {
    return call("GET", url, Map.of(), null);
  }

  public static Answer postJson(String url, String json) {
    return call("POST", url, Map.of("Content-Type", "application/json"), json);
  }

  /**
   * @param headers request headers (name -> value)
   * @param body the body, or null for none
   */
  public static Answer call(String method, String url, Map<String, String> headers, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r =
          CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(method, url, r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(method + " " + url + " interrupted", e);
    }
  }

  /** A JSON string literal of {@code s} (quotes included). */
  public static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.octopods.simulator.capture;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Headers of a scrubbed callback: a signature header replaced under its own name, if present. */
final class SignatureHeaders {
  private SignatureHeaders() {}

  /** {@code headers} with {@code name} (any case) set to {@code value} when it was there. */
  static Map<String, String> replace(Map<String, String> headers, String name, String value) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, k.equalsIgnoreCase(name) ? value : v));
    return out;
  }

  /** {@code headers} with a {@code Content-Length}, if there was one, fitting {@code body}. */
  static Map<String, String> fitting(Map<String, String> headers, String body) {
    return replace(
        headers, "Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
  }
}

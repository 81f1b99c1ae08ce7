package io.octopods.simulator.core.callbacks;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A rendered callback: the same bytes and headers on every retry.
 *
 * @param url the URL the provider calls (and, for Twilio, signs)
 * @param headers content type and signature headers, in order
 */
public record OutgoingCallback(String url, Map<String, String> headers, byte[] body) {
  public OutgoingCallback {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}

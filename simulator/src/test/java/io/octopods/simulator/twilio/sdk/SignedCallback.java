package io.octopods.simulator.twilio.sdk;

import io.octopods.simulator.support.CallbackReceiver;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A status callback as its receiver got it: the path and query it was posted to, its form
 * parameters and its {@code X-Twilio-Signature} (null when absent): what a receiver hands to
 * twilio-java's {@code RequestValidator}.
 */
record SignedCallback(String pathAndQuery, Map<String, String> params, String signature) {
  static final String SIGNATURE_HEADER = "X-Twilio-Signature";

  static SignedCallback of(CallbackReceiver.Received received) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : received.text().split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        params.put(
            decode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return new SignedCallback(
        received.uri(), Map.copyOf(params), received.header(SIGNATURE_HEADER));
  }

  String messageSid() {
    return params.get("MessageSid");
  }

  String status() {
    return params.get("MessageStatus");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}

package io.octopods.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * How many status reports of one callback body concern a message (by one of its provider ids or our
 * echoed id).
 */
final class ReportCount {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportCount() {}

  static int ours(String provider, String body, Set<String> providerIds, String ourId) {
    try {
      switch (provider) {
        case "twilio":
          for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key =
                eq > 0 ? URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8) : "";
            if (key.equals("MessageSid")
                && providerIds.contains(
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8))) {
              return 1;
            }
          }
          return 0;
        case "whatsapp":
          int n = 0;
          for (JsonNode entry : JSON.readTree(body).path("entry")) {
            for (JsonNode change : entry.path("changes")) {
              for (JsonNode status : change.path("value").path("statuses")) {
                if (providerIds.contains(status.path("id").asText(null))
                    || ourId.equals(status.path("biz_opaque_callback_data").asText(null))) {
                  n++;
                }
              }
            }
          }
          return n;
        case "viber":
          JsonNode v = JSON.readTree(body);
          boolean report =
              List.of("delivered", "seen", "failed", "expired").contains(v.path("event").asText());
          return report && providerIds.contains(v.path("message_token").asText(null)) ? 1 : 0;
        default:
          throw new IllegalArgumentException("no provider " + provider);
      }
    } catch (IOException e) {
      return 0;
    }
  }
}

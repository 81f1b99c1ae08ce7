package io.octopods.simulator.capture;

import java.util.Optional;

/**
 * The URL Twilio signed for a callback: the public URL in front of the proxy (else {@code http://}
 * and the request's {@code Host}), then the path and query as received.
 */
final class TwilioUrl {
  private TwilioUrl() {}

  static String of(Optional<String> publicUrl, String path, String query, Optional<String> host) {
    String base =
        publicUrl
            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
            .orElse("http://" + host.orElse("localhost"));
    return base + path + (query == null || query.isEmpty() ? "" : "?" + query);
  }
}

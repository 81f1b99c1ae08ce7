package io.octopods.simulator.capture;

import java.util.Locale;
import java.util.Set;

/**
 * Header names as providers write them: the JDK's server hands them over with only the first letter
 * upper case, so each dash-separated word gets its capital back ({@code X-Hub-Signature-256},
 * {@code X-Twilio-Signature}). Header names are case-insensitive; this only keeps captures
 * readable.
 */
final class HeaderNames {
  /** Hop-by-hop headers, and those the HTTP client sets itself: never forwarded as they are. */
  static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "content-length",
          "connection",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "te",
          "trailer",
          "upgrade",
          "expect",
          "http2-settings");

  private HeaderNames() {}

  static String canonical(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean start = true;
    for (char c : name.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = c == '-';
    }
    return out.toString();
  }

  static boolean hopByHop(String name) {
    return HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT));
  }
}

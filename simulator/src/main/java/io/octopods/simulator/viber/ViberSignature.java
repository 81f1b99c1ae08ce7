package io.octopods.simulator.viber;

import io.octopods.simulator.core.payload.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Viber's {@code X-Viber-Content-Signature}: the lowercase hex HMAC-SHA256 of the raw callback body, keyed
 * with the bot's auth token (providers.md 3.5).
 */
public final class ViberSignature {
  public static final String HEADER = "X-Viber-Content-Signature";

  private ViberSignature() {}

  public static String of(String token, byte[] body) {
    return Hmac.sha256Hex(token, body);
  }

  /** True when {@code header} is the signature of {@code body} under {@code token}; compared in constant time. */
  public static boolean valid(String token, byte[] body, String header) {
    if (token == null || body == null || header == null) {
      return false;
    }
    byte[] expected = of(token, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = header.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }
}

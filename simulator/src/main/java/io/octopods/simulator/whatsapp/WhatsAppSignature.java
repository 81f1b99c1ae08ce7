package io.octopods.simulator.whatsapp;

import io.octopods.simulator.core.payload.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the lowercase hex HMAC-SHA256 of the raw
 * body, keyed with the app secret.
 */
public final class WhatsAppSignature {
  public static final String HEADER = "X-Hub-Signature-256";

  private WhatsAppSignature() {}

  public static String of(String appSecret, byte[] body) {
    return "sha256=" + Hmac.sha256Hex(appSecret, body);
  }

  /**
   * True when {@code header} is {@code sha256=} and the signature of {@code body} under {@code
   * appSecret}; compared in constant time.
   */
  public static boolean valid(String appSecret, byte[] body, String header) {
    if (appSecret == null || body == null || header == null) {
      return false;
    }
    byte[] expected = of(appSecret, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = header.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }
}

package io.octopods.service.adapters.webhooks.viber;

import io.octopods.service.adapters.webhooks.Hmac;
import java.util.Locale;

/**
 * Viber's callback signature (providers.md 3.5): the lowercase hex HMAC-SHA256 of the raw callback
 * body, keyed with the bot's auth token, in the {@code X-Viber-Content-Signature} header and in the
 * {@code sig} query parameter.
 */
public final class ViberSignature {
  public static final String HEADER = "X-Viber-Content-Signature";
  public static final String QUERY = "sig";

  private ViberSignature() {}

  /** Whether {@code signature} (hex, in any case) signs {@code body} under {@code authToken}. */
  public static boolean valid(String authToken, byte[] body, String signature) {
    if (signature == null || signature.isBlank()) {
      return false;
    }
    return Hmac.sameText(of(authToken, body), signature.trim().toLowerCase(Locale.ROOT));
  }

  /** The signature Viber would send. */
  public static String of(String authToken, byte[] body) {
    return Hmac.hex(Hmac.sha256(authToken, body));
  }
}

package io.octopods.service.adapters.surfaces.canvaskit;

import io.octopods.service.adapters.webhooks.Hmac;
import java.util.Locale;

/**
 * {@code X-Body-Signature} on every Canvas Kit request (providers.md, section 4): the hex
 * HMAC-SHA256 of the raw request body, keyed with the app's OAuth client secret ({@code
 * OCTOPODS_INTERCOM_CLIENT_SECRET}). The hex is accepted in either case (Intercom's case is
 * UNCONFIRMED) and compared in constant time.
 */
public final class CanvasSignature {
  public static final String HEADER = "X-Body-Signature";
  static final String HOW_SIGNED =
      "the hex HMAC-SHA256 of the raw body, keyed with the Intercom app's client secret "
          + "(OCTOPODS_INTERCOM_CLIENT_SECRET)";

  private CanvasSignature() {}

  /** The signature Intercom sends with {@code body} (lowercase hex, 64 characters). */
  public static String of(String clientSecret, byte[] body) {
    return Hmac.hex(Hmac.sha256(clientSecret, body));
  }

  /**
   * Whether {@code signature} signs {@code body} under {@code clientSecret}; false when either is
   * missing or blank.
   */
  public static boolean valid(String clientSecret, byte[] body, String signature) {
    if (clientSecret == null
        || clientSecret.isEmpty()
        || signature == null
        || signature.isBlank()) {
      return false;
    }
    return Hmac.sameText(of(clientSecret, body), signature.trim().toLowerCase(Locale.ROOT));
  }
}

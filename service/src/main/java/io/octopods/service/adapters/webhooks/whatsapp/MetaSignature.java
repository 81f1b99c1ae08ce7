package io.octopods.service.adapters.webhooks.whatsapp;

import io.octopods.service.adapters.webhooks.Hmac;
import java.util.Locale;

/**
 * {@code X-Hub-Signature-256} (providers.md 2.7): {@code sha256=} and the lowercase hex HMAC-SHA256
 * of the raw body bytes, keyed with the App Secret. Always over the bytes as received, never
 * re-serialised JSON (J4).
 */
public final class MetaSignature {
  public static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";

  private MetaSignature() {}

  /**
   * Whether {@code header} is {@code sha256=<hex>} of {@code body} under {@code appSecret} (hex in
   * any case).
   */
  public static boolean valid(String appSecret, byte[] body, String header) {
    if (header == null) {
      return false;
    }
    String given = header.trim();
    if (given.length() < PREFIX.length()
        || !given.substring(0, PREFIX.length()).equalsIgnoreCase(PREFIX)) {
      return false;
    }
    return Hmac.sameText(
        of(appSecret, body), PREFIX + given.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
  }

  /** The header value Meta would send: {@code sha256=<lowercase hex>}. */
  public static String of(String appSecret, byte[] body) {
    return PREFIX + Hmac.hex(Hmac.sha256(appSecret, body));
  }
}

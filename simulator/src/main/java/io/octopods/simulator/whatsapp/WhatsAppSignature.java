package io.octopods.simulator.whatsapp;

import io.octopods.simulator.core.payload.Hmac;

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
}

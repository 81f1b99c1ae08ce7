package io.octopods.simulator.viber;

import io.octopods.simulator.core.callbacks.AddedQuery;
import io.octopods.simulator.core.payload.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Viber's callback signature: the lowercase hex HMAC-SHA256 of the raw callback body, keyed with
 * the bot's auth token, sent twice with the same value: in {@code X-Viber-Content-Signature} and as
 * the {@code sig} query parameter of the webhook URL, which is where the official Node SDK reads it
 * (providers.md 3.5).
 */
public final class ViberSignature {
  public static final String HEADER = "X-Viber-Content-Signature";
  public static final String QUERY_PARAMETER = "sig";

  private ViberSignature() {}

  public static String of(String token, byte[] body) {
    return Hmac.sha256Hex(token, body);
  }

  /**
   * The webhook URL as Viber calls it: {@code ?sig=<hex>}, or {@code &sig=<hex>} when it already
   * has a query.
   */
  static String onUrl(String webhookUrl, String signature) {
    return AddedQuery.append(webhookUrl, QUERY_PARAMETER + "=" + signature);
  }

  /**
   * True when {@code header} is the signature of {@code body} under {@code token}; compared in
   * constant time.
   */
  public static boolean valid(String token, byte[] body, String header) {
    if (token == null || body == null || header == null) {
      return false;
    }
    byte[] expected = of(token, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = header.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }
}

package io.octopods.stack.hostile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signature headers for hostile callbacks, from the providers' recipes (providers.md 1.6, 2.7, 3.5;
 * see {@link Samples}): right, with another key, over other bytes, truncated, garbage, or none.
 */
final class CallbackSignatures {
  private CallbackSignatures() {}

  enum Signing {
    VALID,
    OTHER_KEY,
    OTHER_BYTES,
    TRUNCATED,
    GARBAGE,
    MISSING
  }

  /**
   * The query a Twilio JSON callback is signed with: {@code query} and the {@code bodySHA256} of
   * the body (of other bytes for {@link Signing#OTHER_BYTES}).
   */
  static String twilioJsonQuery(String query, Signing signing, byte[] body) {
    byte[] hashed = signing == Signing.OTHER_BYTES ? Samples.concat(body, new byte[] {'x'}) : body;
    return (query.isEmpty() ? "?" : query + "&")
        + "bodySHA256="
        + HexFormat.of().formatHex(sha256(hashed));
  }

  /**
   * The signature header's value for a signing choice; null for none. {@code service}: the
   * service's base URL (Twilio signs the URL); {@code c}: the sample's choice of truncation or
   * garbage.
   */
  static String signature(
      String service,
      WebhookProvider p,
      boolean twilioJson,
      Signing signing,
      String signedQuery,
      byte[] body,
      int c) {
    if (signing == Signing.MISSING) {
      return null;
    }
    String key = signing == Signing.OTHER_KEY ? p.secret() + "-not" : p.secret();
    byte[] signed =
        signing == Signing.OTHER_BYTES && !twilioJson
            ? Samples.concat(body, new byte[] {'x'})
            : body;
    String valid;
    if (p == WebhookProvider.TWILIO) {
      String url = service + WebhookProvider.TWILIO.path() + signedQuery;
      Map<String, List<String>> params = twilioJson ? Map.of() : Samples.formParams(signed);
      if (signing == Signing.OTHER_BYTES && !twilioJson) {
        params = new LinkedHashMap<>(params);
        params.put("Tampered", List.of("x"));
      }
      valid = Samples.twilio(key, url, params);
    } else {
      valid = (p == WebhookProvider.WHATSAPP ? "sha256=" : "") + Samples.hmacSha256Hex(key, signed);
    }
    switch (signing) {
      case TRUNCATED:
        return valid.substring(0, Math.max(1, valid.length() - 1 - c % (valid.length() - 1)));
      case GARBAGE:
        {
          String[] garbage = {
            "sha256=",
            "sha256=zz",
            "0",
            "sha1=" + "0".repeat(40),
            "null",
            valid + "00",
            "sha512=" + valid.substring(valid.indexOf('=') + 1)
          };
          return garbage[c % garbage.length];
        }
      default:
        return valid;
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

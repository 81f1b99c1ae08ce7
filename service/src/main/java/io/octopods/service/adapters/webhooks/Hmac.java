package io.octopods.service.adapters.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hashes the providers sign with, and a comparison that takes the same time wherever
 * texts differ.
 */
public final class Hmac {
  private static final HexFormat HEX = HexFormat.of();

  private Hmac() {}

  /** HMAC-SHA1 with the UTF-8 bytes of {@code key} (Twilio). */
  public static byte[] sha1(String key, byte[] data) {
    return mac("HmacSHA1", key, data);
  }

  /** HMAC-SHA256 with the UTF-8 bytes of {@code key} (Meta, Viber). */
  public static byte[] sha256(String key, byte[] data) {
    return mac("HmacSHA256", key, data);
  }

  /** Plain SHA-256 (Twilio's {@code bodySHA256}). */
  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** Lowercase hex. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /**
   * Whether two texts are equal, in time that does not depend on where they differ; {@code null} is
   * never equal.
   */
  public static boolean sameText(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] mac(String algorithm, String key, byte[] data) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("the signing key is empty");
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot compute " + algorithm, e);
    }
  }
}

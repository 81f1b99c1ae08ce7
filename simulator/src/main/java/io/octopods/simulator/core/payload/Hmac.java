package io.octopods.simulator.core.payload;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC and SHA-256 as the providers' signatures use them. */
public final class Hmac {
  private Hmac() {}

  public static byte[] mac(String algorithm, String key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  public static String sha256Hex(String key, byte[] data) {
    return HexFormat.of().formatHex(mac("HmacSHA256", key, data));
  }

  public static String sha1Base64(String key, String data) {
    return Base64.getEncoder()
        .encodeToString(mac("HmacSHA1", key, data.getBytes(StandardCharsets.UTF_8)));
  }

  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

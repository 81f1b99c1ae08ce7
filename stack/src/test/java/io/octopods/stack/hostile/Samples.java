package io.octopods.stack.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the hostile samples share: readable bodies for shrunk samples (bytes outside printable ASCII
 * as {@code \xNN}, long runs clipped), and the providers' signature recipes written again from
 * providers.md (1.6, 2.7, 3.5), independent of the service's code.
 */
final class Samples {
  /**
   * Byte sequences that are no UTF-8: a byte never used, a lone continuation, a bad second byte, an
   * overlong {@code /}, cut-off sequences, a surrogate, a code point over U+10FFFF, a byte-order
   * mark's bytes.
   */
  static final byte[][] INVALID_UTF8 = {
    {(byte) 0xFF},
    {(byte) 0xFE, (byte) 0xFF},
    {(byte) 0x80},
    {(byte) 0xC3, 0x28},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xE2, (byte) 0x82},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}
  };

  private Samples() {}

  /**
   * Bytes as text: printable ASCII as is, anything else {@code \xNN}; over {@code max} characters
   * clipped.
   */
  static String show(byte[] bytes, int max) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        s.append((char) c);
      } else {
        s.append(String.format("\\x%02X", c));
      }
      if (s.length() > max) {
        return s.substring(0, max) + "...(" + bytes.length + " bytes)";
      }
    }
    return s.toString();
  }

  static String clip(String text, int max) {
    if (text == null) {
      return "null";
    }
    return text.length() <= max
        ? text
        : text.substring(0, max) + "...(" + text.length() + " chars)";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }

  // ---- signatures (providers.md) ----

  static String hmacSha256Hex(String key, byte[] data) {
    return HexFormat.of().formatHex(mac("HmacSHA256", key, data));
  }

  /**
   * Twilio: Base64 HMAC-SHA1 over the URL and then each parameter name and value, names sorted
   * (1.6).
   */
  static String twilio(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder s = new StringBuilder(url);
    params.keySet().stream()
        .sorted()
        .forEach(name -> params.get(name).stream().sorted().forEach(v -> s.append(name).append(v)));
    return Base64.getEncoder()
        .encodeToString(mac("HmacSHA1", authToken, s.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The parameters of a form body as a receiver decodes it (lenient, as Twilio's validators do):
   * the body as UTF-8 (bad bytes replaced), pairs split on {@code &} and {@code =}, {@code +} a
   * space, a valid {@code %XX} a byte, anything else kept.
   */
  static Map<String, List<String>> formParams(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '+') {
        out.write(' ');
        i++;
      } else if (c == '%'
          && i + 2 < text.length()
          && hex(text.charAt(i + 1)) >= 0
          && hex(text.charAt(i + 2)) >= 0) {
        out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 3;
      } else {
        int end = i + Character.charCount(text.codePointAt(i));
        byte[] b = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i = end;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static byte[] mac(String algorithm, String key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

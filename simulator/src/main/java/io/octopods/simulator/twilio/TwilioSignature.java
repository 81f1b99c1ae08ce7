package io.octopods.simulator.twilio;

import io.octopods.simulator.core.payload.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Twilio's {@code X-Twilio-Signature} (providers.md 1.6), as twilio-java's {@code RequestValidator}
 * checks it: Base64 HMAC-SHA1, keyed with the auth token, over the URL followed by every form
 * parameter, sorted by name (ordinal order), name then value. A JSON body is covered through the
 * URL's {@code bodySHA256} query parameter instead. Because Twilio signs inconsistently with
 * respect to the port, a receiver accepts the URL with the port toggled as well.
 */
public final class TwilioSignature {
  public static final String HEADER = "X-Twilio-Signature";

  /** The query parameter that carries the lowercase hex SHA-256 of a JSON body. */
  public static final String BODY_SHA256 = "bodySHA256";

  private TwilioSignature() {}

  /**
   * The signature of a form-encoded request: URL, then each parameter name and value in name order.
   */
  public static String of(String authToken, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    List<String> names = new ArrayList<>(params.keySet());
    Collections.sort(names);
    for (String name : names) {
      String value = params.get(name);
      data.append(name).append(value == null ? "" : value);
    }
    return Hmac.sha1Base64(authToken, data.toString());
  }

  /**
   * The signature of a JSON-body request: over the URL (which carries {@code bodySHA256}) alone.
   */
  public static String ofJsonBody(String authToken, String urlWithBodySha) {
    return Hmac.sha1Base64(authToken, urlWithBodySha);
  }

  /**
   * The URL a JSON body is posted to and signed over: {@code bodySHA256=<hex>} appended to its
   * query.
   */
  public static String withBodySha(String url, byte[] body) {
    return url + (url.contains("?") ? "&" : "?") + BODY_SHA256 + "=" + Hmac.sha256Hex(body);
  }

  /**
   * The same URL with the port toggled: without a port, {@code :443} (https) or {@code :80} (http)
   * is added; with one, it is removed. Path, query and fragment are kept byte for byte.
   */
  public static String portVariant(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return url;
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
    int authorityStart = schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = url.substring(authorityStart, authorityEnd);
    int hostStart = authority.lastIndexOf('@') + 1;
    int bracket = authority.lastIndexOf(']');
    int colon = authority.lastIndexOf(':');
    boolean hasPort = colon >= hostStart && colon > bracket;
    String toggled;
    if (hasPort) {
      toggled = authority.substring(0, colon);
    } else if ("https".equals(scheme)) {
      toggled = authority + ":443";
    } else if ("http".equals(scheme)) {
      toggled = authority + ":80";
    } else {
      return url;
    }
    return url.substring(0, authorityStart) + toggled + url.substring(authorityEnd);
  }

  /**
   * Checks a form-encoded request's header as a correct receiver does: over the URL as given and
   * over its port variant, with a constant-time comparison. A missing header is invalid.
   */
  public static boolean valid(
      String authToken, String url, Map<String, String> params, String header) {
    if (header == null || header.isEmpty()) {
      return false;
    }
    return same(of(authToken, url, params), header)
        | same(of(authToken, portVariant(url), params), header);
  }

  /**
   * Checks a JSON-body request: the URL's {@code bodySHA256} must be the body's hash, and the
   * header the signature of the URL (or of its port variant). Without {@code bodySHA256} the
   * request is invalid.
   */
  public static boolean validJsonBody(String authToken, String url, byte[] body, String header) {
    if (header == null || header.isEmpty()) {
      return false;
    }
    String sha = queryValue(url, BODY_SHA256);
    if (sha == null || !same(Hmac.sha256Hex(body), sha)) {
      return false;
    }
    return same(ofJsonBody(authToken, url), header)
        | same(ofJsonBody(authToken, portVariant(url)), header);
  }

  private static String queryValue(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    int hash = url.indexOf('#', q);
    String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static boolean same(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}

package io.octopods.service.adapters.webhooks.twilio;

import io.octopods.service.adapters.webhooks.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code X-Twilio-Signature} (providers.md 1.6, as twilio-java's {@code RequestValidator}): Base64
 * of HMAC-SHA1, keyed with the Auth Token, over the full URL followed by every POST parameter,
 * names sorted in ordinal order, each name then its value. The URL is also tried with its port
 * toggled (J2). JSON bodies are signed over the URL alone, which carries {@code bodySHA256}, the
 * hex SHA-256 of the body.
 */
public final class TwilioSignature {
  public static final String HEADER = "X-Twilio-Signature";
  static final String BODY_HASH_PARAM = "bodySHA256";

  private TwilioSignature() {}

  /**
   * Whether {@code signature} signs a form callback to {@code url} (with or without its port) with
   * these params.
   */
  public static boolean valid(
      String authToken, String url, Map<String, List<String>> params, String signature) {
    if (signature == null || signature.isBlank()) {
      return false;
    }
    boolean valid = false;
    for (String candidate : withAndWithoutPort(url)) {
      valid |= Hmac.sameText(of(authToken, candidate, params), signature.trim());
    }
    return valid;
  }

  /**
   * Whether {@code signature} signs a JSON callback: the URL (with or without its port) alone, and
   * its {@code bodySHA256} parameter is the hex SHA-256 of {@code body}. Without {@code bodySHA256}
   * it is invalid.
   */
  public static boolean valid(String authToken, String url, byte[] body, String signature) {
    String declared = bodyHash(url);
    if (declared == null) {
      return false;
    }
    boolean bodyMatches =
        Hmac.sameText(Hmac.hex(Hmac.sha256(body)), declared.toLowerCase(Locale.ROOT));
    return valid(authToken, url, Map.of(), signature) && bodyMatches;
  }

  /**
   * The signature of a callback to exactly {@code url} with these params (none for a JSON body).
   */
  public static String of(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder signed = new StringBuilder(url);
    List<String> names = new ArrayList<>(params.keySet());
    names.sort(null);
    for (String name : names) {
      List<String> values = new ArrayList<>(params.get(name));
      values.replaceAll(v -> v == null ? "" : v);
      values.sort(null);
      for (String value : values) {
        signed.append(name).append(value);
      }
    }
    byte[] mac = Hmac.sha1(authToken, signed.toString().getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac);
  }

  /**
   * The URL with its port and without it: no port gets {@code :443} ({@code https}) or {@code :80}
   * ({@code http}) added; an explicit port is also tried removed.
   */
  static Set<String> withAndWithoutPort(String url) {
    Set<String> urls = new LinkedHashSet<>();
    urls.add(url);
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return urls;
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    int authorityStart = schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = url.substring(authorityStart, authorityEnd);
    int hostStart = authorityStart + authority.lastIndexOf('@') + 1;
    String hostAndPort = url.substring(hostStart, authorityEnd);
    int colon = hostAndPort.lastIndexOf(':');
    boolean hasPort = colon > hostAndPort.lastIndexOf(']');
    String beforePort = url.substring(0, hasPort ? hostStart + colon : authorityEnd);
    String rest = url.substring(authorityEnd);
    if (hasPort) {
      urls.add(beforePort + rest);
    } else if (scheme.equals("https")) {
      urls.add(beforePort + ":443" + rest);
    } else if (scheme.equals("http")) {
      urls.add(beforePort + ":80" + rest);
    }
    return urls;
  }

  /** The decoded {@code bodySHA256} query parameter of {@code url}, or {@code null}. */
  static String bodyHash(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return null;
    }
    int fragment = url.indexOf('#', query);
    String q = fragment < 0 ? url.substring(query + 1) : url.substring(query + 1, fragment);
    return FormBody.first(FormBody.parse(q), BODY_HASH_PARAM);
  }
}

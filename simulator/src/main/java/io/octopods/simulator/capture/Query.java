package io.octopods.simulator.capture;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A raw query string (without {@code ?}) as pairs in the order written; a pair is re-encoded only
 * when its value changes (spaces as {@code %20}), so an untouched query stays byte for byte.
 */
record Query(List<String[]> pairs) {
  static Query parse(String raw) {
    List<String[]> pairs = new ArrayList<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&", -1)) {
        int eq = pair.indexOf('=');
        pairs.add(
            eq < 0
                ? new String[] {pair, null}
                : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
      }
    }
    return new Query(pairs);
  }

  /** The decoded value of the first parameter named {@code name}. */
  Optional<String> value(String name) {
    return pairs.stream()
        .filter(p -> decode(p[0]).equals(name) && p[1] != null)
        .map(p -> decode(p[1]))
        .findFirst();
  }

  /** Every value passed through {@code change(name, decoded value)}; changed ones re-encoded. */
  Query map(BiFunction<String, String, String> change) {
    List<String[]> out = new ArrayList<>();
    for (String[] p : pairs) {
      if (p[1] == null) {
        out.add(p);
        continue;
      }
      String value = decode(p[1]);
      String changed = change.apply(decode(p[0]), value);
      out.add(
          changed.equals(value)
              ? p
              : new String[] {
                p[0], URLEncoder.encode(changed, StandardCharsets.UTF_8).replace("+", "%20")
              });
    }
    return new Query(out);
  }

  String raw() {
    StringBuilder s = new StringBuilder();
    for (String[] p : pairs) {
      if (s.length() > 0) {
        s.append('&');
      }
      s.append(p[0]);
      if (p[1] != null) {
        s.append('=').append(p[1]);
      }
    }
    return s.toString();
  }

  /** Percent-decoding only: a {@code +} stays a plus, as in a phone number written raw. */
  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray '%': kept as written
    }
  }
}

package io.octopods.simulator.twilio;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code application/x-www-form-urlencoded} parameters in the order written; a name may repeat
 * (Twilio's {@code MediaUrl}).
 */
public record FormParams(List<Map.Entry<String, String>> entries) {
  public FormParams {
    entries = List.copyOf(entries);
  }

  public static FormParams parse(String encoded) {
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    if (encoded != null && !encoded.isEmpty()) {
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        entries.add(Map.entry(decode(name), decode(value)));
      }
    }
    return new FormParams(entries);
  }

  /** The first value of a parameter; an empty value counts as absent. */
  Optional<String> first(String name) {
    return entries.stream()
        .filter(e -> e.getKey().equals(name))
        .map(Map.Entry::getValue)
        .filter(v -> !v.isEmpty())
        .findFirst();
  }

  long count(String name) {
    return entries.stream().filter(e -> e.getKey().equals(name) && !e.getValue().isEmpty()).count();
  }

  /** Name to value (the last of a repeated name), as a signature validator sees a form. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  /** The form as a body, every entry in order (repeated names kept). */
  public String encode() {
    return entries.stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray '%': kept as written
    }
  }
}

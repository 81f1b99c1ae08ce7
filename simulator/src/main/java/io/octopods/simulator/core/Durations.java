package io.octopods.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario durations: {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 1d}, or ISO-8601
 * ({@code PT30S}).
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String text) {
    String t = text.trim();
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      Duration d = Duration.parse(t);
      if (d.isNegative()) {
        throw new IllegalArgumentException("a duration cannot be negative: '" + text + "'");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration: write 250ms, 2s, 5m, 1h, 1d or ISO-8601 such as PT30S");
    }
  }

  /** A duration written as text, or a bare number of milliseconds. */
  public static Duration of(JsonNode node) {
    if (node.isNumber()) {
      if (node.longValue() < 0) {
        throw new IllegalArgumentException("a duration cannot be negative: " + node);
      }
      return Duration.ofMillis(node.longValue());
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException("a duration is text such as 2s or PT30S, was " + node);
    }
    return parse(node.asText());
  }
}

package io.octopods.features.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a derived scenario's steps with the original's, delivery by delivery ({@code repeat}
 * expanded): the status word, the signature, the error code and the batch, in order; {@code at}
 * relative to the first step, within the resolution of the provider's timestamps (WhatsApp seconds;
 * Viber milliseconds; Twilio none, so its arrival on the scenario clock).
 */
final class StepComparison {
  private static final Pattern SHORT = Pattern.compile("^(\\d+)(ms|s|m|h|d)$");

  private StepComparison() {}

  record Delivery(String status, String signature, String error, String batch, long atMillis) {
    String what() {
      return status + "/" + signature + "/" + error + "/" + batch;
    }
  }

  static List<String> differences(JsonNode original, JsonNode derived) {
    String id = original.path("id").asText();
    List<Delivery> want = deliveries(original);
    List<Delivery> got = deliveries(derived);
    List<String> found = new ArrayList<>();
    List<String> wantWhat = want.stream().map(Delivery::what).toList();
    List<String> gotWhat = got.stream().map(Delivery::what).toList();
    if (!wantWhat.equals(gotWhat)) {
      found.add(id + ": the derived steps read " + gotWhat + ", the original's " + wantWhat);
      return found;
    }
    boolean ownTimestamps = false;
    for (JsonNode step : original.path("callbacks")) {
      ownTimestamps |= step.path("fields").has("timestamp");
    }
    if (ownTimestamps) {
      return found;
    }
    long resolution = "whatsapp".equals(original.path("provider").asText()) ? 1000 : 1;
    long wantFirst = want.isEmpty() ? 0 : want.get(0).atMillis();
    long gotFirst = got.isEmpty() ? 0 : got.get(0).atMillis();
    for (int i = 0; i < want.size(); i++) {
      long w = want.get(i).atMillis() - wantFirst;
      long g = got.get(i).atMillis() - gotFirst;
      if (Math.abs(w - g) > resolution) {
        found.add(
            id
                + ": delivery "
                + (i + 1)
                + " ("
                + want.get(i).status()
                + ") is at "
                + g
                + " ms after the first, the original's at "
                + w
                + " ms");
      }
    }
    return found;
  }

  private static List<Delivery> deliveries(JsonNode scenario) {
    List<Delivery> all = new ArrayList<>();
    for (JsonNode step : scenario.path("callbacks")) {
      int repeat = step.path("repeat").asInt(1);
      Delivery d =
          new Delivery(
              step.path("status").asText(),
              step.path("signature").asText("valid").replace("port-variant", "valid"),
              step.path("error").asText(""),
              step.path("batch").asText("").replace("status", "true"),
              millis(step.path("at").asText()));
      for (int i = 0; i < repeat; i++) {
        all.add(d);
      }
    }
    return all;
  }

  static long millis(String text) {
    Matcher m = SHORT.matcher(text.trim());
    if (!m.matches()) {
      return Duration.parse(text.trim().toUpperCase(Locale.ROOT)).toMillis();
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> n;
      case "s" -> n * 1000;
      case "m" -> n * 60_000;
      case "h" -> n * 3_600_000;
      default -> n * 86_400_000;
    };
  }
}

package io.octopods.simulator.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds capture files line by line, as the recording proxy writes them. */
final class Captures {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final List<String> lines = new ArrayList<>();

  private Captures(String provider) {
    lines.add(new Capture.Header(provider, true, T0).toJson());
  }

  static Captures of(String provider) {
    return new Captures(provider);
  }

  /** A JSON callback answered 200 with a valid signature, {@code millis} after the start. */
  Captures json(long millis, String body) {
    return callback(millis, "application/json", body, "valid", 200);
  }

  Captures callback(long millis, String contentType, String body, String signature, int upstream) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    lines.add(
        new Capture.Callback(
                T0.plusMillis(millis),
                "POST",
                "/webhooks",
                "",
                headers,
                body,
                signature,
                upstream,
                3)
            .toJson());
    return this;
  }

  /** A line as is, however broken. */
  Captures line(String text) {
    lines.add(text);
    return this;
  }

  Capture capture() {
    return Capture.parse(lines);
  }
}

package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A capture file: JSON lines, a header line {@code {"octopods_capture": 1, "provider", "scrubbed",
 * "started_at"}}, then one line per callback (docs/simulator.md, Capture and replay). Reading never
 * throws on a bad line: it is listed with its line number and skipped.
 */
public record Capture(
    Header header, List<Callback> callbacks, List<Problem> problems, List<Integer> callbackLines) {
  public static final int VERSION = 1;

  /** A capture built in memory: its callbacks have no line numbers. */
  public Capture(Header header, List<Callback> callbacks, List<Problem> problems) {
    this(header, callbacks, problems, List.of());
  }

  /** The line (from 1) the callback at {@code index} was read from, or 0 when it is not known. */
  public int lineOf(int index) {
    return index >= 0 && index < callbackLines.size() ? callbackLines.get(index) : 0;
  }

  /** The first line: what was captured, whether it was scrubbed, and when capturing began. */
  public record Header(String provider, boolean scrubbed, Instant startedAt) {
    public String toJson() {
      ObjectNode n = Json.object();
      n.put("octopods_capture", VERSION);
      n.put("provider", provider);
      n.put("scrubbed", scrubbed);
      n.put("started_at", startedAt.toString());
      return Json.write(n);
    }
  }

  /**
   * One callback as it arrived: when, the request (method, path, query without {@code ?}, headers
   * by name, body as text), the signature verdict ({@code valid}, {@code invalid}, {@code missing}
   * or {@code unchecked}) and the upstream's status and time ({@code upstream_status} 0 when the
   * upstream could not be reached).
   */
  public record Callback(
      Instant t,
      String method,
      String path,
      String query,
      Map<String, String> headers,
      String body,
      String signature,
      int upstreamStatus,
      long upstreamMs) {
    public Callback {
      headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A header by name, ignoring case. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst();
    }

    public Callback withBody(String newBody, Map<String, String> newHeaders) {
      return new Callback(
          t, method, path, query, newHeaders, newBody, signature, upstreamStatus, upstreamMs);
    }

    /** The same callback with another signature verdict. */
    public Callback withSignature(String verdict) {
      return new Callback(
          t, method, path, query, headers, body, verdict, upstreamStatus, upstreamMs);
    }

    /** The same callback with another request (what scrubbing changes); the verdict is kept. */
    public Callback withRequest(
        String newPath, String newQuery, Map<String, String> newHeaders, String newBody) {
      return new Callback(
          t, method, newPath, newQuery, newHeaders, newBody, signature, upstreamStatus, upstreamMs);
    }

    public String toJson() {
      ObjectNode n = Json.object();
      n.put("t", t.toString());
      n.put("method", method);
      n.put("path", path);
      n.put("query", query);
      ObjectNode h = n.putObject("headers");
      headers.forEach(h::put);
      n.put("body", body);
      n.put("signature", signature);
      n.put("upstream_status", upstreamStatus);
      n.put("upstream_ms", upstreamMs);
      return Json.write(n);
    }

    static Callback fromJson(JsonNode n) {
      Map<String, String> headers = new LinkedHashMap<>();
      n.path("headers")
          .fields()
          .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
      return new Callback(
          Instant.parse(required(n, "t").asText()),
          required(n, "method").asText(),
          required(n, "path").asText(),
          n.path("query").asText(""),
          headers,
          required(n, "body").asText(),
          n.path("signature").asText("unchecked"),
          n.path("upstream_status").asInt(0),
          n.path("upstream_ms").asLong(0));
    }
  }

  /** A line that could not be read: its number (from 1) and what is wrong with it. */
  public record Problem(int line, String what) {}

  /** Reads {@code file}; a missing or unreadable header is a problem on line 1. */
  public static Capture read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the capture " + file, e);
    }
    return parse(lines);
  }

  /** Reads the lines of a capture. */
  public static Capture parse(List<String> lines) {
    List<Problem> problems = new ArrayList<>();
    List<Callback> callbacks = new ArrayList<>();
    List<Integer> callbackLines = new ArrayList<>();
    Header header = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = Json.MAPPER.readTree(line);
      } catch (IOException e) {
        problems.add(new Problem(i + 1, "not JSON (" + firstLine(e.getMessage()) + ")"));
        continue;
      }
      if (!n.isObject()) {
        problems.add(new Problem(i + 1, "not a JSON object"));
        continue;
      }
      if (n.has("octopods_capture")) {
        if (header != null) {
          problems.add(new Problem(i + 1, "a second header line"));
          continue;
        }
        if (n.path("octopods_capture").asInt() != VERSION) {
          problems.add(
              new Problem(i + 1, "capture version " + n.path("octopods_capture") + " is unknown"));
        }
        String provider = n.path("provider").asText("");
        if (!List.of("twilio", "whatsapp", "viber").contains(provider)) {
          problems.add(new Problem(i + 1, "unknown provider '" + provider + "'"));
        }
        Instant startedAt = null;
        try {
          startedAt =
              n.hasNonNull("started_at") ? Instant.parse(n.get("started_at").asText()) : null;
        } catch (DateTimeParseException e) {
          problems.add(new Problem(i + 1, "started_at is not an instant: " + n.get("started_at")));
        }
        header = new Header(provider, n.path("scrubbed").asBoolean(false), startedAt);
        continue;
      }
      try {
        callbacks.add(Callback.fromJson(n));
        callbackLines.add(i + 1);
      } catch (RuntimeException e) {
        problems.add(new Problem(i + 1, "not a callback line: " + e.getMessage()));
      }
    }
    if (header == null) {
      problems.add(0, new Problem(1, "no header line {\"octopods_capture\": 1, ...}"));
    }
    return new Capture(
        header, List.copyOf(callbacks), List.copyOf(problems), List.copyOf(callbackLines));
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("'" + field + "' is missing");
    }
    return v;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}

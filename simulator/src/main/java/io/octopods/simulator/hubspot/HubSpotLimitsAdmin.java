package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Durations;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * {@code GET|POST /__sim/hubspot/limits}, in the admin API's dialect (JSON; errors problem+json).
 */
final class HubSpotLimitsAdmin {
  private static final List<String> FIELDS =
      List.of("per_10s", "policy", "retry_after", "fail_next", "fail_status", "fail_delay");
  private static final Set<String> POLICIES = Set.of("TEN_SECONDLY_ROLLING", "DAILY");

  /**
   * The longest {@code fail_delay}, as for a scenario's {@code timeout}: a call is never held
   * longer.
   */
  static final Duration MAX_FAIL_DELAY = Duration.ofMinutes(5);

  private final HubSpotRateLimit limits;

  HubSpotLimitsAdmin(HubSpotRateLimit limits) {
    this.limits = limits;
  }

  List<Route> routes() {
    return List.of(
        Route.of("hubspot.limits.read", "GET", "/__sim/hubspot/limits/?", Route.ADMIN, this::read),
        Route.of("hubspot.limits.set", "POST", "/__sim/hubspot/limits/?", Route.ADMIN, this::set));
  }

  private ResponseDefinition read(Request r, Matcher m) {
    return Responses.json(200, view(limits.settings()));
  }

  /**
   * Sets two groups, each as a whole when any of its fields is sent (absent fields take their
   * defaults) and kept otherwise: the rate limit ({@code per_10s}, null or absent for none; {@code
   * policy}; {@code retry_after}), which restarts the window so that "3 per 10 s" means the next 3
   * calls pass; and the injected failures ({@code fail_next}, {@code fail_status}, default 502;
   * {@code fail_delay}, default none).
   */
  private ResponseDefinition set(Request r, Matcher m) {
    try {
      JsonNode body =
          AdminBody.object(r, FIELDS, "{\"per_10s\": 3, \"policy\": \"TEN_SECONDLY_ROLLING\"}");
      HubSpotRateLimit.Settings now = limits.settings();
      HubSpotRateLimit.Settings none = HubSpotRateLimit.Settings.NONE;
      boolean rate = body.has("per_10s") || body.has("policy") || body.has("retry_after");
      boolean failures = body.has("fail_next") || body.has("fail_status") || body.has("fail_delay");
      HubSpotRateLimit.Settings next =
          new HubSpotRateLimit.Settings(
              rate ? per10s(body.path("per_10s")) : now.per10s(),
              rate ? policy(body.get("policy"), none.policy()) : now.policy(),
              rate ? retryAfter(body.path("retry_after")) : now.retryAfter(),
              failures
                  ? count(body.get("fail_next"), "fail_next", none.failNext())
                  : now.failNext(),
              failures
                  ? FailStatus.of(body.get("fail_status"), none.failStatus())
                  : now.failStatus(),
              failures ? failDelay(body.path("fail_delay")) : now.failDelay());
      limits.set(next, rate);
    } catch (IllegalArgumentException e) {
      return Responses.problem(400, "Bad request", e.getMessage());
    }
    return Responses.json(200, view(limits.settings()));
  }

  static ObjectNode view(HubSpotRateLimit.Settings s) {
    ObjectNode o = Json.object();
    if (s.per10s().isPresent()) {
      o.put("per_10s", s.per10s().get());
    } else {
      o.putNull("per_10s");
    }
    o.put("policy", s.policy());
    if (s.retryAfter().isPresent()) {
      o.put("retry_after", (s.retryAfter().get().toMillis() + 999) / 1000);
    } else {
      o.putNull("retry_after");
    }
    o.put("fail_next", s.failNext()).set("fail_status", s.failStatus().view());
    if (s.failDelay().isZero()) {
      o.putNull("fail_delay");
    } else {
      o.put("fail_delay", s.failDelay().toString());
    }
    return o;
  }

  private static Optional<Integer> per10s(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? Optional.empty() : Optional.of(count(n, "per_10s", 0));
  }

  private static String policy(JsonNode n, String absent) {
    if (n == null) {
      return absent;
    }
    if (!n.isTextual() || !POLICIES.contains(n.asText())) {
      throw new IllegalArgumentException("policy must be TEN_SECONDLY_ROLLING or DAILY, not " + n);
    }
    return n.asText();
  }

  /**
   * Whole seconds as a number, or a duration such as {@code 10s} or {@code PT1M}; null or absent:
   * none.
   */
  private static Optional<Duration> retryAfter(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      return Optional.empty();
    }
    if (n.isIntegralNumber() && n.asLong() >= 0) {
      return Optional.of(Duration.ofSeconds(n.asLong()));
    }
    if (n.isTextual()) {
      try {
        return Optional.of(Durations.parse(n.asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("retry_after " + e.getMessage());
      }
    }
    throw new IllegalArgumentException(
        "retry_after must be whole seconds (3600) or a duration (\"10s\", \"PT1M\"), not " + n);
  }

  /**
   * A duration such as {@code 3s} or {@code PT3S}, at most {@link #MAX_FAIL_DELAY}; null or absent:
   * none.
   */
  private static Duration failDelay(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      return Duration.ZERO;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException(
          "fail_delay must be a duration such as \"3s\" or \"PT3S\" (or null for "
              + "none), not "
              + n);
    }
    Duration delay;
    try {
      delay = Durations.parse(n.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fail_delay " + e.getMessage());
    }
    if (delay.compareTo(MAX_FAIL_DELAY) > 0) {
      throw new IllegalArgumentException(
          "fail_delay must be at most 5m (PT5M), not "
              + n.asText()
              + "; to test a client's timeout, set a delay a little past that timeout");
    }
    return delay;
  }

  private static int count(JsonNode n, String field, int absent) {
    if (n == null) {
      return absent;
    }
    if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(field + " must be a whole number >= 0, not " + n);
    }
    return n.asInt();
  }
}

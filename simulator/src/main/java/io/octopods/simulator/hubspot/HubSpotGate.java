package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.http.Responses;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What every timeline call passes before its work: the Bearer token ({@code 401}), the rate limit
 * ({@code 429}), an injected failure ({@code fail_status} after {@code fail_delay}: a HubSpot
 * error, or a reset connection); and what every answer carries: the rate headers.
 */
final class HubSpotGate {
  private final String accessToken;
  private final HubSpotRateLimit limits;

  HubSpotGate(String accessToken, HubSpotRateLimit limits) {
    this.accessToken = accessToken;
    this.limits = limits;
  }

  /** The answer of a call's work: its status and HubSpot body. */
  record Answer(int status, JsonNode body) {}

  ResponseDefinition pass(Request request, Supplier<Answer> work) {
    String refusal = authenticationProblem(request.getHeader("Authorization"));
    if (refusal != null) {
      return respond(
          new Answer(401, HubSpotErrors.error(refusal, HubSpotErrors.AUTHENTICATION)),
          limits.peek());
    }
    HubSpotRateLimit.Verdict verdict = limits.admit();
    return switch (verdict.outcome()) {
      case RATE_LIMITED ->
          respond(new Answer(429, HubSpotErrors.rateLimited(verdict.policy())), verdict);
      case FAILED -> injectedFailure(verdict);
      case ADMITTED -> respond(attempt(work), verdict);
    };
  }

  /**
   * The failure {@code POST /__sim/hubspot/limits} set, held for {@code fail_delay} on the wall
   * clock.
   */
  private static ResponseDefinition injectedFailure(HubSpotRateLimit.Verdict verdict) {
    FailStatus failure = verdict.failStatus();
    ResponseDefinitionBuilder b =
        failure.resetsConnection()
            ? ResponseDefinitionBuilder.responseDefinition()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)
            : headed(
                new Answer(
                    failure.httpStatus(), HubSpotErrors.injected(failure, verdict.failuresLeft())),
                verdict);
    if (!verdict.failDelay().isZero()) {
      b = b.withFixedDelay((int) verdict.failDelay().toMillis());
    }
    return b.build();
  }

  private static Answer attempt(Supplier<Answer> work) {
    try {
      return work.get();
    } catch (HubSpotErrors.Refused e) {
      return new Answer(e.status(), e.body());
    }
  }

  private String authenticationProblem(String header) {
    if (header == null || header.isBlank()) {
      return "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find "
          + "more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";
    }
    String[] parts = header.trim().split("\\s+", 2);
    if (parts.length < 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
      return "The Authorization header must be 'Bearer <access token>'; the simulator's token is the access_token "
          + "of GET /__sim/info";
    }
    if (!parts[1].equals(accessToken)) {
      return "The access token is not valid for this HubSpot simulator; send the access_token of GET /__sim/info";
    }
    return null;
  }

  private static ResponseDefinition respond(Answer answer, HubSpotRateLimit.Verdict verdict) {
    return headed(answer, verdict).build();
  }

  private static ResponseDefinitionBuilder headed(Answer answer, HubSpotRateLimit.Verdict verdict) {
    ResponseDefinitionBuilder b =
        Responses.builder(answer.status(), HubSpotErrors.CONTENT_TYPE, Json.write(answer.body()))
            .withHeader("X-HubSpot-RateLimit-Max", String.valueOf(verdict.max()))
            .withHeader("X-HubSpot-RateLimit-Remaining", String.valueOf(verdict.remaining()))
            .withHeader(
                "X-HubSpot-RateLimit-Interval-Milliseconds",
                String.valueOf(HubSpotRateLimit.WINDOW.toMillis()));
    JsonNode correlation = answer.body().get("correlationId");
    if (correlation != null) {
      b = b.withHeader("X-HubSpot-Correlation-Id", correlation.asText());
    }
    if (answer.status() == 429 && verdict.retryAfter().isPresent()) {
      long millis = verdict.retryAfter().get().toMillis();
      b = b.withHeader("Retry-After", String.valueOf((millis + 999) / 1000));
    }
    return b;
  }
}

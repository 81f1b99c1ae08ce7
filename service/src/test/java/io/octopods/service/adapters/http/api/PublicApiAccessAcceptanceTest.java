package io.octopods.service.adapters.http.api;

import static io.octopods.service.adapters.http.api.ApiTestServer.ACME_KEY;
import static io.octopods.service.adapters.http.api.ApiTestServer.ACME_SECOND_KEY;
import static io.octopods.service.adapters.http.api.ApiTestServer.BETA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.http.api.ApiTestServer.Answer;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, the per-key rate limit and /health over real HTTP. */
class PublicApiAccessAcceptanceTest {
  private static final String LIST = "/api/v1/sms/messages";

  @TempDir Path dir;

  @Test
  void everyApiCallWithoutAKnownBearerKeyIs401WithAChallenge() {
    try (ApiTestServer api = ApiTestServer.start(dir)) {
      String id = api.sent(ACME_KEY, "sms");
      List<String> paths =
          List.of(LIST, LIST + "/" + id, LIST + "/" + id + "/history", "/api/v1/telegram/messages");
      for (String path : paths) {
        Answer none = api.get(path, null);
        assertThat(none.status()).as(path).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.header("WWW-Authenticate"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(none.json().get("detail").asText()).contains("Authorization: Bearer");

        Answer wrong = api.get(path, "acme_k_0123456789abcdef012345678X");
        assertThat(wrong.status()).as(path).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("invalid_token"));
      }
      Answer send = api.post(LIST, null, "{\"to\": \"+15551230001\", \"body\": \"x\"}");
      assertThat(send.status()).isEqualTo(401);
      assertThat(api.get(LIST, null).body()).doesNotContain(ACME_KEY);

      HttpRequest basic =
          HttpRequest.newBuilder(api.uri(LIST))
              .header("Authorization", "Basic " + ACME_KEY)
              .build();
      Answer a = api.call(basic);
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.json().get("detail").asText()).contains("Basic").contains("Bearer");

      HttpRequest lowerCase =
          HttpRequest.newBuilder(api.uri(LIST))
              .header("Authorization", "bearer  " + ACME_KEY)
              .build();
      assertThat(api.call(lowerCase).status()).as("the scheme is case-insensitive").isEqualTo(200);
    }
  }

  @Test
  void overTheRateLimitAKeyGets429WithRetryAfterUntilItsBucketRefills() {
    try (ApiTestServer api = ApiTestServer.withRateLimit(dir, 3)) {
      for (int i = 0; i < 3; i++) {
        assertThat(api.get(LIST, ACME_KEY).status()).isEqualTo(200);
      }
      Answer limited = api.get(LIST, ACME_KEY);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.contentType()).startsWith("application/problem+json");
      assertThat(limited.header("Retry-After")).contains("1");
      assertThat(limited.json().get("detail").asText()).contains("3 requests");
      assertThat(api.send(ACME_KEY, "sms", "+15551230001", "x").status())
          .as("sends count too")
          .isEqualTo(429);

      assertThat(api.get(LIST, ACME_SECOND_KEY).status())
          .as("per key, not per workspace")
          .isEqualTo(200);
      assertThat(api.get(LIST, BETA_KEY).status()).isEqualTo(200);
      assertThat(api.get("/health", null).status())
          .as("/health has no key and no limit")
          .isEqualTo(200);

      api.rateClock.advance(Duration.ofMillis(340));
      assertThat(api.get(LIST, ACME_KEY).status())
          .as("a third of a second refills one token")
          .isEqualTo(200);
      assertThat(api.get(LIST, ACME_KEY).status()).isEqualTo(429);
      api.rateClock.advance(Duration.ofSeconds(5));
      for (int i = 0; i < 3; i++) {
        assertThat(api.get(LIST, ACME_KEY).status())
            .as("the bucket holds one second's worth")
            .isEqualTo(200);
      }
      assertThat(api.get(LIST, ACME_KEY).status()).isEqualTo(429);
    }
  }

  @Test
  void aRateLimitOfZeroIsOff() {
    try (ApiTestServer api = ApiTestServer.withRateLimit(dir, 0)) {
      for (int i = 0; i < 120; i++) {
        assertThat(api.get(LIST, ACME_KEY).status()).isEqualTo(200);
      }
    }
  }

  @Test
  void healthNeedsNoKeyAndCountsWhatIsPending() {
    try (ApiTestServer api = ApiTestServer.start(dir)) {
      api.post(
          LIST,
          ACME_KEY,
          "{\"to\": \"+15551230001\", \"body\": \"x\", \"contact\": {\"email\": \"a@example.com\"}}");
      api.sent(ACME_KEY, "whatsapp");
      api.report(io.octopods.service.domain.Channel.VIBER, null, "77", "delivered");

      Answer health = api.get("/health", null);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.contentType()).startsWith("application/json");
      JsonNode json = health.json();
      assertThat(json.get("status").asText()).isEqualTo("up");
      assertThat(json.at("/pending/handoff").asLong()).isEqualTo(2);
      assertThat(json.at("/pending/hubspot").asLong()).isEqualTo(1);
      assertThat(json.at("/pending/orphans").asLong()).isEqualTo(1);
    }
  }

  @Test
  void healthIs503WhileTheStoreIsUnavailable() {
    try (ApiTestServer api = ApiTestServer.start(dir)) {
      api.db.database().close();
      Answer health = api.get("/health", null);
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.contentType()).startsWith("application/problem+json");
      assertThat(health.header("Retry-After")).isPresent();
      assertThat(health.json().get("detail").asText()).contains("database");

      Answer poll = api.get(LIST + "/" + UUID.randomUUID(), ACME_KEY);
      assertThat(poll.status()).as("an API call too").isEqualTo(503);
    }
  }
}

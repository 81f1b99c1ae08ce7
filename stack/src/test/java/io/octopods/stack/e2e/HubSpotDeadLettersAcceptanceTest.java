package io.octopods.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.stack.support.StackHttp;
import io.octopods.stack.support.StackUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HubSpot dead letters through the running service (api.md, Surfaces: HubSpot): counted in
 * {@code /health}, listed and queued again by the public API per workspace, recorded in the
 * message's history.
 */
class HubSpotDeadLettersAcceptanceTest {
  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final String DEAD_LETTERS = "/api/v1/surfaces/hubspot/dead-letters";

  private static StackUnderTest stack;

  @BeforeAll
  static void startStack() {
    stack = StackUnderTest.start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @BeforeEach
  void reset() {
    stack.reset();
    stack.admin().liftRefusals();
  }

  private static JsonNode health() {
    return StackHttp.get(stack.service() + "/health").expect(200).json();
  }

  private static StackHttp.Answer api(String method, String path, String key) {
    return StackHttp.call(method, stack.service() + path, StackUnderTest.auth(key), null);
  }

  private static List<JsonNode> deadLetters(String key, String messageId) {
    List<JsonNode> mine = new ArrayList<>();
    api("GET", DEAD_LETTERS, key)
        .expect(200)
        .json()
        .path("data")
        .forEach(
            d -> {
              if (messageId.equals(d.path("message_id").asText())) {
                mine.add(d);
              }
            });
    return mine;
  }

  private static List<String> hubspotStatuses(String to) {
    return stack.admin().timeline("e2e" + to.substring(1) + "@example.com").stream()
        .map(e -> e.tokens().path("status").asText())
        .toList();
  }

  @Test
  void aRefusedEventIsCountedListedRecordedAndQueuedAgainOnlyByItsOwnWorkspace() {
    String to = stack.bindFresh("twilio", "twilio-happy-path");
    stack.admin().refuse("e2e" + to.substring(1) + "@example.com", 404);
    String id = stack.send("sms", to).path("message_id").asText();
    await()
        .atMost(SETTLE)
        .untilAsserted(() -> assertThat(deadLetters(StackUnderTest.API_KEY, id)).hasSize(2));

    assertThat(health().at("/dead/hubspot").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(health().at("/pending/hubspot").asLong())
        .as("dead letters are not pending")
        .isZero();
    List<JsonNode> dead = deadLetters(StackUnderTest.API_KEY, id);
    assertThat(dead).extracting(d -> d.path("status").asText()).containsExactly("UNKNOWN", "SENT");
    assertThat(dead)
        .allSatisfy(
            d -> {
              assertThat(d.path("event_id").asText())
                  .isEqualTo(id + "-" + d.path("status").asText());
              assertThat(d.path("http_status").asInt()).isEqualTo(404);
              assertThat(d.at("/hubspot_body/category").asText()).isEqualTo("OBJECT_NOT_FOUND");
              assertThat(Instant.parse(d.path("failed_at").asText()))
                  .isAfterOrEqualTo(Instant.parse(d.path("updated_at").asText()));
            });
    assertThat(stack.history("sms", id))
        .filteredOn(e -> "hubspot".equals(e.path("source").asText()))
        .extracting(
            e ->
                e.path("mapped_status").asText()
                    + " "
                    + e.path("reason").asText()
                    + " "
                    + e.path("provider_status").asText())
        .containsExactly("UNKNOWN dead_letter 404", "SENT dead_letter 404");

    assertThat(deadLetters(StackUnderTest.OTHER_KEY, id))
        .as("another workspace sees none of them")
        .isEmpty();
    api("POST", DEAD_LETTERS + "/" + id + "-SENT/retry", StackUnderTest.OTHER_KEY).expect(404);
    assertThat(
            api("POST", DEAD_LETTERS + "/retry", StackUnderTest.OTHER_KEY)
                .expect(202)
                .json()
                .path("requeued")
                .asInt())
        .isZero();
    api("GET", DEAD_LETTERS, "not-a-key").expect(401);

    stack.admin().liftRefusals();
    assertThat(
            api("POST", DEAD_LETTERS + "/" + id + "-UNKNOWN/retry", StackUnderTest.API_KEY)
                .expect(202)
                .json()
                .path("requeued")
                .asInt())
        .isOne();
    await()
        .atMost(SETTLE)
        .untilAsserted(() -> assertThat(hubspotStatuses(to)).containsExactly("UNKNOWN"));
    assertThat(
            api("POST", DEAD_LETTERS + "/retry", StackUnderTest.API_KEY)
                .expect(202)
                .json()
                .path("requeued")
                .asInt())
        .isOne();
    await()
        .atMost(SETTLE)
        .untilAsserted(() -> assertThat(hubspotStatuses(to)).containsExactly("UNKNOWN", "SENT"));
    assertThat(deadLetters(StackUnderTest.API_KEY, id)).isEmpty();
    api("POST", DEAD_LETTERS + "/" + id + "-SENT/retry", StackUnderTest.API_KEY).expect(404);
  }
}

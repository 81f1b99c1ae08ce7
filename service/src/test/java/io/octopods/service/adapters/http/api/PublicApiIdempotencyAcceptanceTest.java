package io.octopods.service.adapters.http.api;

import static io.octopods.service.adapters.http.api.ApiTestServer.ACME_KEY;
import static io.octopods.service.adapters.http.api.ApiTestServer.BETA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.http.api.ApiTestServer.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Idempotency-Key of a send over real HTTP: replay, 409 for another request, workspaces, races.
 */
class PublicApiIdempotencyAcceptanceTest {
  private static final String MESSAGES = "/api/v1/whatsapp/messages";

  @TempDir Path dir;
  private ApiTestServer api;

  @BeforeEach
  void start() {
    api = ApiTestServer.start(dir);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aRepeatWithTheSameIdempotencyKeyGetsTheFirstAnswerAndSendsNothing() {
    Answer first =
        api.post(
            MESSAGES,
            ACME_KEY,
            "{\"to\": \"+15551230001\", \"body\": \"Hi\"}",
            "Idempotency-Key",
            "order-42");
    Answer again =
        api.post(
            MESSAGES,
            ACME_KEY,
            "{ \"body\" : \"Hi\", \"to\": \"+15551230001\", \"contact\": null }",
            "Idempotency-Key",
            "order-42");

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(first.header("Idempotent-Replayed")).isEmpty();
    assertThat(api.get(MESSAGES, ACME_KEY).json().get("data")).hasSize(1);
    assertThat(api.store.pending().handoff()).as("one hand-off").isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherRequestIs409() {
    api.post(MESSAGES, ACME_KEY, request("Hi"), "Idempotency-Key", "order-43");
    Answer other = api.post(MESSAGES, ACME_KEY, request("Hello"), "Idempotency-Key", "order-43");
    Answer otherChannel =
        api.post("/api/v1/sms/messages", ACME_KEY, request("Hi"), "Idempotency-Key", "order-43");

    assertThat(other.status()).isEqualTo(409);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(other.json().get("detail").asText())
        .contains("order-43")
        .contains("different request")
        .contains("new key");
    assertThat(otherChannel.status()).isEqualTo(409);
    assertThat(api.get(MESSAGES, ACME_KEY).json().get("data")).hasSize(1);
  }

  @Test
  void idempotencyKeysBelongToAWorkspace() {
    Answer acme = api.post(MESSAGES, ACME_KEY, request("Hi"), "Idempotency-Key", "k1");
    Answer beta = api.post(MESSAGES, BETA_KEY, request("Hi"), "Idempotency-Key", "k1");
    assertThat(beta.status()).isEqualTo(202);
    assertThat(beta.header("Idempotent-Replayed")).isEmpty();
    assertThat(beta.json().get("message_id")).isNotEqualTo(acme.json().get("message_id"));
  }

  @Test
  void aFirstRequestThatLostTheRaceForItsKeyGetsTheWinnersAnswer(@TempDir Path other) {
    AtomicBoolean missOnce = new AtomicBoolean(true);
    try (ApiTestServer racing =
        ApiTestServer.withStoreSeenByApi(other, store -> new LookupMissingOnce(store, missOnce))) {
      Answer winner = racing.post(MESSAGES, ACME_KEY, request("Hi"), "Idempotency-Key", "race");
      missOnce.set(true);
      Answer loser = racing.post(MESSAGES, ACME_KEY, request("Hi"), "Idempotency-Key", "race");

      assertThat(loser.status()).isEqualTo(202);
      assertThat(loser.body()).isEqualTo(winner.body());
      assertThat(loser.header("Location")).isEqualTo(winner.header("Location"));
      assertThat(racing.get(MESSAGES, ACME_KEY).json().get("data")).hasSize(1);
    }
  }

  @Test
  void concurrentRequestsWithOneKeySendOneMessage() throws Exception {
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Answer>> answers = new ArrayList<>();
      IntStream.range(0, n)
          .forEach(
              i ->
                  answers.add(
                      CompletableFuture.supplyAsync(
                          () -> {
                            await(go);
                            return api.post(
                                MESSAGES, ACME_KEY, request("Hi"), "Idempotency-Key", "together");
                          },
                          pool)));
      go.countDown();
      List<Answer> done = new ArrayList<>();
      for (CompletableFuture<Answer> f : answers) {
        done.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(done).extracting(Answer::status).containsOnly(202);
      assertThat(done)
          .extracting(a -> a.json().get("message_id").asText())
          .containsOnly(done.get(0).json().get("message_id").asText());
      assertThat(api.get(MESSAGES, ACME_KEY).json().get("data")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String request(String body) {
    return "{\"to\": \"+15551230001\", \"body\": \"" + body + "\"}";
  }
}

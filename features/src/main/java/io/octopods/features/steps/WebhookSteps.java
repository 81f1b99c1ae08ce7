package io.octopods.features.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.octopods.simulator.SimulatorClient;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's provider webhooks as the providers meet them: how each callback of the scenario was
 * answered (C2, C4), probes that are no delivery report at all (J5), and a proxy in front of the
 * service (J1).
 */
public final class WebhookSteps {
  /**
   * Viber resends a callback whose answer takes longer than about 5 s (C4): the service must answer
   * well within.
   */
  private static final long FAST_ENOUGH_MS = 5_000;

  private final Scene scene;

  /**
   * The Twilio simulator's webhook settings before a proxy was put in front of the service, to put
   * back after.
   */
  private SimulatorClient.Webhook twilioWebhookBefore;

  public WebhookSteps(Scene scene) {
    this.scene = scene;
  }

  /**
   * C2, C4: every callback the provider delivered in this scenario was answered {@code 200} at its
   * first attempt (so the provider retried nothing) and within 5 s.
   */
  @Then("every callback was answered 200 at the first attempt")
  public void answeredAtOnce() {
    List<SimulatorClient.CallbackAttempt> attempts = scene.driver.callbacks(scene.provider);
    if (attempts.isEmpty()) {
      throw new AssertionError(
          "the " + scene.provider + " simulator delivered no callback in this scenario");
    }
    List<String> bad = new ArrayList<>();
    for (SimulatorClient.CallbackAttempt a : attempts) {
      if ("dropped".equals(a.outcome())) {
        continue;
      }
      boolean ok =
          "answered".equals(a.outcome())
              && a.responseCode().orElse(0) == 200
              && a.attempt() == 1
              && a.latencyMs().orElse(0L) < FAST_ENOUGH_MS;
      if (!ok) {
        bad.add(
            "#"
                + a.seq()
                + " "
                + a.outcome()
                + " "
                + a.responseCode().map(String::valueOf).orElse("")
                + " attempt "
                + a.attempt()
                + " in "
                + a.latencyMs().map(String::valueOf).orElse("?")
                + " ms");
      }
    }
    if (!bad.isEmpty()) {
      throw new AssertionError(
          "callbacks not answered 200 at once (within "
              + FAST_ENOUGH_MS
              + " ms, no retry): "
              + bad);
    }
  }

  /**
   * J5: a {@code GET} to the webhook without any signature (a probe, a health check) is answered
   * {@code 4xx}, never {@code 5xx}, and stores nothing (no orphan, no history event).
   */
  @Then("an unsigned GET probe to the {provider} webhook gets a 4xx and nothing is stored")
  public void unsignedGet(String provider) {
    probe(provider, "GET", scene.driver.wire().service());
  }

  /**
   * J5: an unsigned {@code POST} of an empty JSON object (a health check) is refused ({@code 401})
   * and stores nothing.
   */
  @Then(
      "an unsigned empty POST to the {provider} webhook is refused with 401 and nothing is stored")
  public void unsignedPost(String provider) {
    int status =
        probe(
            provider,
            "POST",
            scene
                .driver
                .wire()
                .service()
                .contentType("application/json")
                .body("{}".getBytes(StandardCharsets.UTF_8)));
    scene
        .harness
        .ledger()
        .invariant(
            "I12",
            status == 401,
            "an unsigned POST to the "
                + provider
                + " webhook was answered "
                + status
                + ", not 401");
  }

  /**
   * J1: the Twilio simulator delivers its callbacks to the service under another host name ({@code
   * localhost} for {@code 127.0.0.1}, or the other way round) while it keeps signing them for the
   * URL the service gave as {@code StatusCallback} (built from its public URL): what a service
   * behind a proxy sees.
   */
  @Given("Twilio's callbacks reach the service through a proxy that changes the host name")
  public void throughProxy() {
    twilioWebhookBefore = scene.driver.admin().webhook("twilio");
    URI service = URI.create(scene.harness.target().service());
    String otherHost = "localhost".equalsIgnoreCase(service.getHost()) ? "127.0.0.1" : "localhost";
    String via = service.getScheme() + "://" + otherHost + ":" + service.getPort();
    scene.driver.admin().setWebhook("twilio", twilioWebhookBefore.withConnectTo(via).unverified());
  }

  /** Puts the Twilio simulator's webhook settings back (a reset keeps them). */
  @After
  public void removeProxy() {
    if (twilioWebhookBefore == null) {
      return;
    }
    scene.driver.admin().setWebhook("twilio", twilioWebhookBefore.unverified());
    twilioWebhookBefore = null;
  }

  /**
   * Sends one probe; checks it got a 4xx and that neither the orphans nor this scenario's history
   * grew.
   */
  private int probe(String provider, String method, RequestSpecification request) {
    long orphansBefore = scene.driver.health().at("/pending/orphans").asLong();
    Integer historyBefore =
        scene.messageId == null
            ? null
            : scene.driver.history(scene.channel, scene.messageId).size();
    Response answer = request.when().request(method, "/webhooks/" + provider);
    if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
      throw new AssertionError(
          "an unsigned "
              + method
              + " to /webhooks/"
              + provider
              + " was answered "
              + answer.statusCode()
              + " (expected a 4xx): "
              + answer.asString());
    }
    scene.driver.awaitQuiet();
    long orphansAfter = scene.driver.health().at("/pending/orphans").asLong();
    scene
        .harness
        .ledger()
        .invariant(
            "I12",
            orphansAfter == orphansBefore,
            "an unsigned "
                + method
                + " to /webhooks/"
                + provider
                + " stored something: orphans "
                + orphansBefore
                + " -> "
                + orphansAfter);
    if (historyBefore != null) {
      int historyAfter = scene.driver.history(scene.channel, scene.messageId).size();
      scene
          .harness
          .ledger()
          .invariant(
              "I12",
              historyAfter == historyBefore,
              "an unsigned "
                  + method
                  + " to /webhooks/"
                  + provider
                  + " added a history event to message "
                  + scene.messageId);
    }
    return answer.statusCode();
  }
}

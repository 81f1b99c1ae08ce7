package io.octopods.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.octopods.features.harness.Ledger;
import io.octopods.features.harness.Wire;
import io.octopods.simulator.SimulatorClient;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opentest4j.TestAbortedException;

/** Who may change and read a message: signed callbacks only (I12), one workspace only (I13). */
public final class TrustSteps {
  private final Scene scene;

  public TrustSteps(Scene scene) {
    this.scene = scene;
  }

  /** Every callback the simulator signed badly (or not at all) was refused with 401. */
  @Then("every badly signed callback was refused with 401")
  public void badlySignedRefused() {
    Ledger ledger = scene.harness.ledger();
    for (SimulatorClient.CallbackAttempt a : scene.driver.callbacks(scene.provider)) {
      String signature = a.signature();
      if ("answered".equals(a.outcome()) && List.of("invalid", "missing").contains(signature)) {
        ledger.invariant(
            "I12",
            a.responseCode().orElse(0) == 401,
            "a callback with signature "
                + signature
                + " was answered "
                + a.responseCode().orElse(0)
                + ": "
                + a);
      }
    }
  }

  /**
   * A forged failure report for this message, posted to the service's webhook, is refused and
   * changes nothing.
   */
  @Then("a forged {string} callback for the message is refused and changes nothing")
  public void forgedRefused(String word) {
    Ledger ledger = scene.harness.ledger();
    JsonNode before = scene.driver.message(scene.channel, scene.messageId());
    int historyBefore = scene.driver.history(scene.channel, scene.messageId()).size();
    List<String> hubspotBefore = scene.look("before the forged callback").hubspot();
    String pid = before.path("provider_message_id").asText("");
    Response answer =
        switch (scene.provider) {
          case "twilio" ->
              forged(
                  "twilio",
                  "application/x-www-form-urlencoded",
                  "X-Twilio-Signature",
                  "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==",
                  "MessageSid="
                      + pid
                      + "&MessageStatus="
                      + word
                      + "&AccountSid=AC00000000000000000000000000000000");
          case "whatsapp" ->
              forged(
                  "whatsapp",
                  "application/json",
                  "X-Hub-Signature-256",
                  "sha256=" + "0".repeat(64),
                  "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                      + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\","
                      + "\"phone_number_id\":\"1\"},\"statuses\":[{\"id\":"
                      + Wire.quote(pid)
                      + ",\"status\":"
                      + Wire.quote(word)
                      + ",\"timestamp\":\"1700000000\",\"recipient_id\":\"15550000000\"}]}}]}]}");
          default ->
              forged(
                  "viber",
                  "application/json",
                  "X-Viber-Content-Signature",
                  "0".repeat(64),
                  "{\"event\":"
                      + Wire.quote(word)
                      + ",\"timestamp\":1700000000000,\"chat_hostname\":\"SN-CHAT-01_\","
                      + "\"message_token\":"
                      + (pid.isEmpty() ? "0" : pid)
                      + ",\"user_id\":\"01234567890A=\"}");
        };
    ledger.invariant(
        "I12",
        answer.statusCode() == 401,
        "a forged callback was answered " + answer.statusCode() + ": " + answer.asString());
    scene.driver.awaitQuiet();
    JsonNode after = scene.driver.message(scene.channel, scene.messageId());
    ledger.invariant(
        "I12",
        before.path("message_status").equals(after.path("message_status")),
        "a forged callback changed the message: " + before + " -> " + after);
    ledger.invariant(
        "I12",
        scene.driver.history(scene.channel, scene.messageId()).size() == historyBefore,
        "a forged callback added a history event");
    ledger.invariant(
        "I12",
        scene.look("after the forged callback").hubspot().equals(hubspotBefore),
        "a forged callback added a HubSpot event");
  }

  /**
   * With another workspace's key the message does not exist: API, history and both JSON surfaces
   * answer 404.
   */
  @Then("another workspace can neither see nor find the message")
  public void isolated() {
    String other =
        scene
            .harness
            .target()
            .otherApiKey()
            .orElseThrow(
                () ->
                    new TestAbortedException(
                        "no API key of a second workspace was given (--other-api-key)"));
    String id = scene.messageId();
    for (String path :
        List.of(
            "/api/v1/" + scene.channel + "/messages/" + id,
            "/api/v1/" + scene.channel + "/messages/" + id + "/history",
            "/surfaces/intercom/messages/" + id,
            "/surfaces/reach/messages/" + id + "/timeline")) {
      Response answer = scene.driver.wire().apiAs(other).when().get(path);
      scene
          .harness
          .ledger()
          .invariant(
              "I13",
              answer.statusCode() == 404,
              "another workspace got "
                  + answer.statusCode()
                  + " for GET "
                  + path
                  + ": "
                  + answer.asString());
    }
    Response list =
        scene
            .driver
            .wire()
            .apiAs(other)
            .when()
            .get("/api/v1/" + scene.channel + "/messages?limit=100");
    scene
        .harness
        .ledger()
        .invariant(
            "I13",
            list.statusCode() == 200 && !list.asString().contains(id),
            "another workspace's list shows the message: " + list.asString());
  }

  /** A callback signed with a wrong signature, posted to the service's webhook as these bytes. */
  private Response forged(
      String provider, String contentType, String signatureHeader, String signature, String body) {
    return scene
        .driver
        .wire()
        .service()
        .contentType(contentType)
        .header(signatureHeader, signature)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/webhooks/" + provider);
  }
}

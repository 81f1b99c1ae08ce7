package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the scenario-option acceptance tests share: each test starts from a reset WhatsApp simulator
 * whose webhook points at a fresh {@link CallbackReceiver}, drives it through {@link
 * WhatsAppDriver}, and reads the receiver's posts with the helpers below. The concrete classes
 * carry {@code @OctopodsSimulators(clock = "virtual")}.
 */
abstract class ScenarioOptionsFixture {
  static final String APP_SECRET = "octopods-whatsapp-app-secret";
  static final String WRONG_SECRET = "octopods-wrong-secret";

  final CallbackReceiver receiver = new CallbackReceiver();
  WhatsAppDriver wa;

  @BeforeEach
  void isolate(Simulators sims) {
    wa = new WhatsAppDriver(sims);
    wa.resetAll();
    wa.webhookTo(receiver);
    assertThat(Http.get(wa.base() + "/__sim/info").json().get("signing_secret").asText())
        .isEqualTo(APP_SECRET);
  }

  @AfterEach
  void close() {
    receiver.close();
  }

  String scenarioOf(String wamid) {
    return wa.message(wamid).get("scenario").asText();
  }

  /** The statuses[] of a notification's first change. */
  static JsonNode statuses(CallbackReceiver.Received post) {
    return Json.parse(post.text()).at("/entry/0/changes/0/value/statuses");
  }

  static List<String> words(JsonNode statuses) {
    return list(statuses).stream().map(s -> s.get("status").asText()).toList();
  }

  static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}

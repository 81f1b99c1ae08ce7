package io.octopods.features.properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.features.harness.SurfaceSnapshot;
import io.octopods.simulator.SimulatorClient;
import java.util.List;

/**
 * One generated scenario after it has played end to end: the message as every surface showed it
 * once the clock had settled, its history, and the simulator's journal of the callback attempts it
 * made.
 *
 * @param scenario what was played
 * @param to the recipient the scenario was bound to
 * @param messageId our message id
 * @param settled every surface once quiet, after the provider played everything
 * @param history the API's history of the message, in the order received
 * @param attempts the simulator's callback journal (it was reset before this scenario)
 */
public record PlayedMessage(
    GeneratedScenario scenario,
    String to,
    String messageId,
    SurfaceSnapshot settled,
    List<JsonNode> history,
    List<SimulatorClient.CallbackAttempt> attempts) {

  /** The history's callback events (not the hand-off's). */
  public List<ExpectedEvent> callbackEvents() {
    return history.stream()
        .filter(e -> "callback".equals(e.path("source").asText()))
        .map(ExpectedEvent::of)
        .toList();
  }

  /** For messages: the scenario's id and our message id. */
  public String where() {
    return scenario.id() + " (" + scenario.channel() + " message " + messageId + " to " + to + ")";
  }
}

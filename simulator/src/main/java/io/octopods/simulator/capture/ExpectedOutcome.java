package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.contracts.StatusModel;
import io.octopods.simulator.core.Json;
import java.util.Optional;

/**
 * The {@code expect} of a scenario whose send is accepted, computed with the status model's rules
 * ({@link StatusModel}): the message starts {@code SENT}; each step, in playing order, is applied
 * when its word maps and moves the message on; a badly signed or unsigned step is refused (I12) and
 * changes nothing. A failure's code is the step's {@code error} where the service keeps it as one.
 */
final class ExpectedOutcome {
  private ExpectedOutcome() {}

  /** Empty for a provider the status model does not map. */
  static Optional<ObjectNode> of(String provider, CallbackReader reader, ArrayNode steps) {
    if (StatusModel.mappedWords(provider).isEmpty()) {
      return Optional.empty();
    }
    String current = "SENT";
    JsonNode failureCode = null;
    String groupSignature = "valid";
    for (JsonNode step : steps) {
      if (!step.has("batch")) {
        groupSignature = step.path("signature").asText("valid");
      }
      if ("invalid".equals(groupSignature) || "missing".equals(groupSignature)) {
        continue;
      }
      String mapped = StatusModel.mappedStatus(provider, step.path("status").asText());
      if (mapped != null && StatusModel.applies(mapped, current)) {
        if ("FAILED".equals(mapped)) {
          failureCode =
              reader.errorIsCode() && step.hasNonNull("error")
                  ? Json.MAPPER.getNodeFactory().textNode(step.get("error").asText())
                  : Json.MAPPER.getNodeFactory().nullNode();
        }
        current = mapped;
      }
    }
    ObjectNode expect = Json.object().put("status", StatusModel.publicOf(current));
    if ("FAILED".equals(current)) {
      expect.set("failure_code", failureCode);
    }
    return Optional.of(expect);
  }
}

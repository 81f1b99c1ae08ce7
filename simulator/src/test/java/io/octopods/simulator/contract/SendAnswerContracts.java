package io.octopods.simulator.contract;

import io.octopods.contracts.ContractBreach;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.support.Http;
import java.util.List;

/** Which contract a provider's send answer keeps. */
final class SendAnswerContracts {
  private SendAnswerContracts() {}

  static String requestContract(String provider) {
    return switch (provider) {
      case "whatsapp" -> "providers/whatsapp/send-request.schema.json";
      case "viber" -> "providers/viber/send-message-request.schema.json";
      default -> throw new IllegalArgumentException(provider);
    };
  }

  static List<ContractBreach> check(String provider, Http.Answer answer) {
    if (answer.contentType() == null || !answer.contentType().startsWith("application/json")) {
      return answer.body().isEmpty()
          ? List.of()
          : List.of(
              new ContractBreach(
                  provider,
                  "",
                  "a send answer with a body must be JSON, was " + answer.contentType()));
    }
    String contract =
        switch (provider) {
          case "twilio" ->
              answer.status() == 201
                  ? "providers/twilio/message.schema.json"
                  : "providers/twilio/error.schema.json";
          case "whatsapp" ->
              answer.status() == 200
                  ? "providers/whatsapp/send-answer.schema.json"
                  : "providers/whatsapp/error.schema.json";
          case "viber" ->
              answer.json().path("status").asInt(-1) == 0
                  ? "providers/viber/send-message-answer.schema.json"
                  : "providers/viber/error.schema.json";
          default -> throw new IllegalArgumentException(provider);
        };
    return Contracts.shipped().check(contract, answer.body());
  }
}

package io.octopods.simulator.contract;

import io.octopods.contracts.ContractBreach;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.support.CallbackReceiver;
import java.util.List;

/** Which contract a provider's callback keeps. */
final class CallbackContracts {
  private CallbackContracts() {}

  static List<ContractBreach> check(String provider, CallbackReceiver.Received callback) {
    String type = String.valueOf(callback.header("Content-Type"));
    return switch (provider) {
      case "twilio" ->
          type.startsWith("application/json")
              ? List.of() // the bodySHA256 variant carries a JSON body the scenario wrote
              : Contracts.shipped()
                  .checkForm("providers/twilio/callback.schema.json", callback.text());
      case "whatsapp" ->
          Contracts.shipped().check("providers/whatsapp/webhook.schema.json", callback.text());
      case "viber" ->
          Contracts.shipped().check("providers/viber/callback.schema.json", callback.text());
      default -> throw new IllegalArgumentException(provider);
    };
  }
}

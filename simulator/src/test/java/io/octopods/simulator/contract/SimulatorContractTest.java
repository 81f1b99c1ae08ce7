package io.octopods.simulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.contracts.ContractBreach;
import io.octopods.contracts.Contracts;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.ScenarioLibrary;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import io.octopods.simulator.support.ProviderClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library scenario, played end to end: each send answer and each callback the simulator emits
 * validates against its provider's contract in {@code contracts/providers/}, and the admin answers
 * against {@code contracts/simulator/}.
 */
@OctopodsSimulators(clock = "virtual")
class SimulatorContractTest {
  private static final Contracts CONTRACTS = Contracts.shipped();
  private static final CallbackReceiver RECEIVER = new CallbackReceiver();

  /**
   * Scenarios whose callbacks break the provider's format on purpose, and why; they must still
   * breach.
   */
  private static final Map<String, String> OFF_CONTRACT_ON_PURPOSE =
      Map.of(
          "whatsapp-c2-batch-with-unknown-and-bad-items",
          "row C2: batch items without an id and with a bad timestamp");

  static List<Scenario> library() {
    return ScenarioLibrary.shipped();
  }

  @BeforeEach
  void reset(Simulators sims) {
    Http.post(sims.baseUrl("twilio") + "/__sim/reset?all=true", null, "");
  }

  @AfterAll
  static void close() {
    RECEIVER.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("library")
  void everyAnswerAndCallbackOfTheScenarioKeepsTheContracts(Scenario scenario, Simulators sims) {
    String provider = scenario.provider();
    String base = sims.baseUrl(provider);
    ProviderClient client = new ProviderClient(sims, Duration.ofSeconds(1));
    client.webhooksTo(RECEIVER);
    String to = "+1555" + (1000000 + Math.abs(scenario.id().hashCode() % 8999999));
    assertThat(
            Http.postJson(
                    base + "/__sim/bindings",
                    "{\"to\":\"" + to + "\",\"scenario\":\"" + scenario.id() + "\"}")
                .status())
        .isEqualTo(201);
    int before = RECEIVER.posts().size();

    List<ContractBreach> breaches = new ArrayList<>();
    String correlation = UUID.randomUUID().toString();
    for (int attempt = 0; attempt < Math.max(1, scenario.send().size()); attempt++) {
      ProviderClient.Sent sent = client.send(provider, to, correlation, RECEIVER);
      sent.answer().ifPresent(a -> breaches.addAll(SendAnswerContracts.check(provider, a)));
      breaches.addAll(
          provider.equals("twilio")
              ? CONTRACTS.checkForm("providers/twilio/send-request.schema.json", sent.requestBody())
              : CONTRACTS.check(SendAnswerContracts.requestContract(provider), sent.requestBody()));
    }
    var advanced = Http.postJson(base + "/__sim/clock/advance", "{\"by\":\"P8D\"}");
    breaches.addAll(CONTRACTS.check("simulator/admin-advance.schema.json", advanced.body()));

    for (CallbackReceiver.Received callback :
        RECEIVER.posts().subList(before, RECEIVER.posts().size())) {
      breaches.addAll(CallbackContracts.check(provider, callback));
    }
    breaches.addAll(
        CONTRACTS.check(
            "simulator/admin-messages.schema.json", Http.get(base + "/__sim/messages").body()));
    breaches.addAll(
        CONTRACTS.check(
            "simulator/admin-callbacks.schema.json", Http.get(base + "/__sim/callbacks").body()));
    if (OFF_CONTRACT_ON_PURPOSE.containsKey(scenario.id())) {
      assertThat(breaches).as(OFF_CONTRACT_ON_PURPOSE.get(scenario.id())).isNotEmpty();
    } else {
      assertThat(breaches).as("contract breaches of " + scenario.id()).isEmpty();
    }
  }
}

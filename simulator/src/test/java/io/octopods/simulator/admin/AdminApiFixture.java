package io.octopods.simulator.admin;

import static io.octopods.simulator.scenarios.WhatsAppDriver.CONTRACTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.scenarios.WhatsAppDriver;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the admin API acceptance tests share: each test starts from a reset WhatsApp simulator whose
 * webhook points at a fresh {@link CallbackReceiver}; every receiver a test opens is closed after
 * it; answers in RFC 9457 problem+json are checked by {@link #assertProblem}. The concrete classes
 * carry {@code @OctopodsSimulators(clock = "virtual")}.
 */
abstract class AdminApiFixture {
  private final List<CallbackReceiver> receivers = new ArrayList<>();
  CallbackReceiver receiver;
  WhatsAppDriver wa;
  String base;

  @BeforeEach
  void isolate(Simulators sims) {
    wa = new WhatsAppDriver(sims);
    base = wa.base();
    wa.resetAll();
    receiver = receiver();
    wa.webhookTo(receiver);
  }

  @AfterEach
  void closeReceivers() {
    receivers.forEach(CallbackReceiver::close);
  }

  CallbackReceiver receiver() {
    CallbackReceiver r = new CallbackReceiver();
    receivers.add(r);
    return r;
  }

  static void assertProblem(Http.Answer a, int status) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.contentType())
        .as("content type of " + a.body())
        .startsWith("application/problem+json");
    assertThat(CONTRACTS.check("simulator/problem.schema.json", a.body())).as(a.body()).isEmpty();
    JsonNode p = a.json();
    assertThat(p.get("type").asText()).isNotBlank();
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("detail").asText()).isNotBlank();
  }

  static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}

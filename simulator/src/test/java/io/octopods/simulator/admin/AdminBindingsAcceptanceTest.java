package io.octopods.simulator.admin;

import static io.octopods.simulator.scenarios.WhatsAppDriver.CONTRACTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.scenarios.WhatsAppDriver;
import io.octopods.simulator.support.Http;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /__sim/bindings}, {@code GET /__sim/bindings} and {@code DELETE /__sim/bindings/{to}}
 * (simulator.md, "Admin API"), through real HTTP on the WhatsApp port, with the shape of its answer
 * checked field by field and against {@code contracts/simulator/}.
 */
@OctopodsSimulators(clock = "virtual")
class AdminBindingsAcceptanceTest extends AdminApiFixture {
  // ---- bindings
  // -------------------------------------------------------------------------------------

  @Test
  void aBindingIsCreatedListedAndDeletedOnce() {
    Http.Answer created =
        Http.postJson(
            base + "/__sim/bindings",
            "{\"to\":\"15557010002\",\"scenario\":\"whatsapp-a4-delivered-without-sent\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(CONTRACTS.check("simulator/admin-binding.schema.json", created.body())).isEmpty();
    assertThat(created.json().get("to").asText()).isEqualTo("+15557010002");

    Http.Answer listed = Http.get(base + "/__sim/bindings");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(CONTRACTS.check("simulator/admin-bindings.schema.json", listed.body())).isEmpty();
    assertThat(list(listed.json().get("bindings")))
        .extracting(b -> b.get("to").asText() + " " + b.get("scenario").asText())
        .containsExactly("+15557010002 whatsapp-a4-delivered-without-sent");

    String wamid = wa.sendAccepted("15557010002", null);
    assertThat(wa.message(wamid).get("scenario").asText())
        .isEqualTo("whatsapp-a4-delivered-without-sent");

    Http.Answer deleted =
        Http.delete(base + "/__sim/bindings/" + WhatsAppDriver.enc("+15557010002"));
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(list(Http.get(base + "/__sim/bindings").json().get("bindings"))).isEmpty();
    assertProblem(Http.delete(base + "/__sim/bindings/" + WhatsAppDriver.enc("+15557010002")), 404);

    String after = wa.sendAccepted("15557010002", null);
    assertThat(wa.message(after).get("scenario").asText()).isEqualTo("whatsapp-happy-path");
  }

  @Test
  void aBindingWithAPlusInsideItsRecipientCanBeDeleted() {
    Http.Answer created =
        Http.postJson(
            base + "/__sim/bindings",
            "{\"to\":\"a1B2+c3D4==\",\"scenario\":\"whatsapp-happy-path\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("to").asText()).isEqualTo("a1B2+c3D4==");

    assertThat(Http.delete(base + "/__sim/bindings/a1B2+c3D4==").status()).isEqualTo(204);
  }

  @Test
  void aPercentEncodedRecipientCanBeUnbound() {
    wa.bind("a1B2+c3D4==", "whatsapp-happy-path");
    assertThat(Http.delete(base + "/__sim/bindings/a1B2%2Bc3D4%3D%3D").status()).isEqualTo(204);
    wa.bind("+15557010020", "whatsapp-happy-path");
    assertThat(Http.delete(base + "/__sim/bindings/+15557010020").status()).isEqualTo(204);
  }

  @Test
  void aBindingToAnUnknownScenarioIs404AndAnIncompleteOneIs400() {
    assertProblem(
        Http.postJson(
            base + "/__sim/bindings", "{\"to\":\"+15557010003\",\"scenario\":\"no-such-one\"}"),
        404);
    assertProblem(
        Http.postJson(
            base + "/__sim/bindings",
            "{\"to\":\"+15557010003\",\"scenario\":\"twilio-happy-path\"}"),
        404);
    assertProblem(Http.postJson(base + "/__sim/bindings", "{\"to\":\"+15557010003\"}"), 400);
    assertProblem(Http.postJson(base + "/__sim/bindings", "not json"), 400);
    assertThat(list(Http.get(base + "/__sim/bindings").json().get("bindings"))).isEmpty();
  }
}

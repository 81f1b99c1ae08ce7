package io.octopods.simulator.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which scenario plays a message (simulator.md, "Scenario format: the exact rules"), through real
 * HTTP with WhatsApp: bindings, then {@code match.to} over uploads, folders and the library, then
 * the default; and recipients normalised to E.164.
 */
@OctopodsSimulators(clock = "virtual")
class ScenarioSelectionAcceptanceTest extends ScenarioOptionsFixture {
  // ---- selection and recipients
  // ---------------------------------------------------------------------

  @Test
  void aBindingBeatsMatchToWhichBeatsTheDefaultAndTheNewestUploadMatchesFirst() {
    String older =
        """
        id: opt-match-older
        provider: whatsapp
        description: matches +1555720xxxx
        match:
          to: "^\\\\+1555720\\\\d{4}$"
        callbacks:
          - at: 1s
            status: sent
        """;
    wa.upload(older);
    wa.upload(older.replace("opt-match-older", "opt-match-newer"));

    assertThat(scenarioOf(wa.sendAccepted("15557200001", null))).isEqualTo("opt-match-newer");
    assertThat(scenarioOf(wa.sendAccepted("15557300001", null))).isEqualTo("whatsapp-happy-path");
    // match.to matches the whole recipient
    assertThat(scenarioOf(wa.sendAccepted("155572000019", null))).isEqualTo("whatsapp-happy-path");

    // replacing an upload makes it the newest
    wa.upload(older.replace("matches", "still matches"));
    assertThat(scenarioOf(wa.sendAccepted("15557200002", null))).isEqualTo("opt-match-older");

    wa.bind("+15557200003", "whatsapp-a4-delivered-without-sent");
    assertThat(scenarioOf(wa.sendAccepted("15557200003", null)))
        .isEqualTo("whatsapp-a4-delivered-without-sent");
    assertThat(scenarioOf(wa.sendAccepted("15557200004", null))).isEqualTo("opt-match-older");
  }

  @Test
  void matchToTriesUploadsThenFoldersInFileNameOrderThenTheLibrary(@TempDir Path folder)
      throws Exception {
    String template =
        """
        id: %s
        provider: whatsapp
        description: from a folder
        match:
          to: "^\\\\+1555750\\\\d{4}$"
        """;
    Files.writeString(folder.resolve("10-zulu.yaml"), template.formatted("opt-folder-zulu"));
    Files.writeString(folder.resolve("20-alpha.yaml"), template.formatted("opt-folder-alpha"));
    try (Simulators own =
        Simulators.start(
            SimulatorSettings.forTests("virtual").withScenarioFolders(List.of(folder)))) {
      WhatsAppDriver owa = new WhatsAppDriver(own);
      owa.webhookTo(receiver);

      List<JsonNode> listed =
          list(Http.get(owa.base() + "/__sim/scenarios").json().get("scenarios"));
      assertThat(listed)
          .filteredOn(x -> x.get("id").asText().startsWith("opt-folder-"))
          .extracting(x -> x.get("id").asText() + " " + x.get("source").asText())
          .containsExactly("opt-folder-zulu folder", "opt-folder-alpha folder");
      assertThat(owa.message(owa.sendAccepted("15557500001", null)).get("scenario").asText())
          .isEqualTo("opt-folder-zulu");

      owa.upload(template.formatted("opt-folder-upload").replace("from a folder", "uploaded"));
      assertThat(owa.message(owa.sendAccepted("15557500002", null)).get("scenario").asText())
          .isEqualTo("opt-folder-upload");

      // reset forgets the upload; the folders stay
      owa.resetAll();
      assertThat(owa.message(owa.sendAccepted("15557500003", null)).get("scenario").asText())
          .isEqualTo("opt-folder-zulu");
    }
  }

  @Test
  void recipientsAreNormalisedToE164WithAPlus() {
    wa.bind("15557400001", "whatsapp-a4-delivered-without-sent");

    String withoutPlus = wa.sendAccepted("15557400001", null);
    String withPlus = wa.sendAccepted("+15557400001", null);

    assertThat(wa.message(withoutPlus).get("to").asText()).isEqualTo("+15557400001");
    assertThat(scenarioOf(withoutPlus)).isEqualTo("whatsapp-a4-delivered-without-sent");
    assertThat(scenarioOf(withPlus)).isEqualTo("whatsapp-a4-delivered-without-sent");
    assertThat(list(Http.get(wa.base() + "/__sim/bindings").json().get("bindings")))
        .extracting(b -> b.get("to").asText())
        .containsExactly("+15557400001");
    assertThat(list(Http.get(wa.base() + "/__sim/messages?to=15557400001").json().get("messages")))
        .hasSize(2);

    wa.advance("2s");
    assertThat(receiver.posts())
        .allSatisfy(
            p ->
                assertThat(statuses(p).get(0).get("recipient_id").asText())
                    .isEqualTo("15557400001"));
  }
}

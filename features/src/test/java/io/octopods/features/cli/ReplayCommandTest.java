package io.octopods.features.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.octopods.features.harness.Harness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./octopods replay} against a local stack: the play's history and surfaces are compared
 * with the scenario's {@code expect}, and each difference is named.
 */
class ReplayCommandTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static ReplayCommand.Replay played;

  @BeforeAll
  static void playTheWhatsAppHappyPath() throws Exception {
    ObjectNode scenario =
        (ObjectNode)
            YAML.readTree(
                """
                id: whatsapp-replayed
                provider: whatsapp
                description: sent, delivered, read, and delivered again
                callbacks:
                  - at: 500ms
                    status: sent
                  - at: 2s
                    status: delivered
                  - at: 5s
                    status: read
                  - at: 6s
                    status: delivered
                """);
    played = ReplayCommand.play(Harness.get().driver(), scenario);
  }

  @Test
  void whatTheScenarioExpectsHolds() throws Exception {
    JsonNode expect =
        YAML.readTree(
            """
            status: READ
            history:
              - {word: sent, reason: duplicate}
              - {word: delivered, reason: null}
              - {word: read, reason: null}
              - {word: delivered, reason: stale}
            """);
    assertThat(played.differences(expect)).isEmpty();
  }

  @Test
  void anotherStatusIsNamedOnEverySurface() throws Exception {
    List<String> differences = played.differences(YAML.readTree("status: DELIVERED"));
    assertThat(differences)
        .containsExactly(
            "API shows READ, the scenario expects DELIVERED",
            "HubSpot shows READ, the scenario expects DELIVERED",
            "Intercom Inbox shows READ, the scenario expects DELIVERED",
            "Reach shows READ, the scenario expects DELIVERED");
  }

  @Test
  void anotherHistoryIsNamed() throws Exception {
    JsonNode expect =
        YAML.readTree(
            """
            history:
              - {word: sent, reason: null}
              - {word: delivered, reason: null}
              - {word: read, reason: null}
            """);
    assertThat(played.differences(expect))
        .singleElement()
        .asString()
        .contains(
            "the history reads [sent (duplicate), delivered (applied), read (applied), delivered"
                + " (stale)]")
        .contains("the scenario expects [sent (applied), delivered (applied), read (applied)]");
  }

  @Test
  void aFileThatIsNotAScenarioIsAUsageError(@TempDir Path dir) throws Exception {
    Path notAScenario = java.nio.file.Files.writeString(dir.resolve("x.yaml"), "hello: world\n");
    assertThat(new CommandLine(new OctopodsCommand()).execute("replay", notAScenario.toString()))
        .isEqualTo(2);
    assertThat(
            new CommandLine(new OctopodsCommand())
                .execute("replay", dir.resolve("missing.yaml").toString()))
        .isEqualTo(2);
  }
}

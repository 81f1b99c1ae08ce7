package io.octopods.features.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.octopods.features.harness.Harness;
import io.octopods.features.harness.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./octopods scenario from-history} of a message the service handled, then {@code replay} of
 * what it wrote: the replay passes the derived scenario's own {@code expect} (the history's words
 * and reasons in order, and the status on every surface).
 */
class FromHistoryReplayTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void aMessagesHistoryBecomesAScenarioThatReplaysAsItHappened(@TempDir Path out) throws Exception {
    Harness harness = Harness.get();
    ObjectNode library =
        (ObjectNode)
            harness.driver().admin().scenario("whatsapp", "whatsapp-a2-read-before-delivered");
    ReplayCommand.Replay original = ReplayCommand.play(harness.driver(), library);
    Target target = harness.target();

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int exit;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      exit =
          new CommandLine(new OctopodsCommand())
              .execute(
                  "scenario",
                  "from-history",
                  "--target",
                  target.service(),
                  "--api-key",
                  target.apiKey(),
                  "--channel",
                  original.channel(),
                  "--message",
                  original.messageId(),
                  "--out",
                  out.toString());
    } finally {
      System.setOut(stdout);
    }
    assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("could not rebuild: ");
    Path written;
    try (Stream<Path> files = Files.list(out)) {
      written = files.filter(f -> f.toString().endsWith(".yaml")).findFirst().orElseThrow();
    }
    JsonNode derived = YAML.readTree(Files.readString(written));
    assertThat(derived.at("/expect/history"))
        .as("the history's words and reasons")
        .hasSameSizeAs(original.historyRead());
    assertThat(derived.at("/expect/status").asText()).isEqualTo(original.surfaces().apiStatus());

    ReplayCommand.Replay replayed = ReplayCommand.play(harness.driver(), (ObjectNode) derived);
    assertThat(replayed.differences(derived.path("expect"))).isEmpty();
    assertThat(replayed.historyRead()).isEqualTo(original.historyRead());
    assertThat(replayed.surfaces().statuses()).isEqualTo(original.surfaces().statuses());
  }
}

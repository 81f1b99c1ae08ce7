package io.octopods.simulator.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.ScenarioLibrary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped library: every file valid, named by its id, and every edge-case row a provider can
 * produce covered.
 */
class ScenarioLibraryTest {
  private static final List<Scenario> LIBRARY = ScenarioLibrary.shipped();

  /** Rows of the edge-case table per provider that can produce them. */
  private static final Map<String, List<String>> ROWS =
      Map.of(
          "twilio",
              List.of(
                  "a1", "a5", "a7", "b2", "c6", "d1", "d4", "e1", "e2", "f4", "f6", "g1", "h1",
                  "j1", "j2", "k1"),
          "whatsapp",
              List.of(
                  "a2", "a3", "a4", "a7", "b1", "b3", "c1", "c2", "c6", "d1", "d2", "d4", "f1",
                  "f2", "f6", "g1", "h2", "h3", "j4", "k2", "l1", "l2"),
          "viber", List.of("a6", "a7", "c4", "c5", "c6", "d3", "d4", "f8", "g1", "j5", "k2"));

  static List<String> providerRows() {
    return ROWS.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(r -> e.getKey() + "-" + r + "-"))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("providerRows")
  void everyRowHasAScenario(String prefix) {
    assertThat(LIBRARY).extracting(Scenario::id).anyMatch(id -> id.startsWith(prefix));
  }

  @Test
  void theThreeDefaultsAreThereAsSpecified() {
    assertThat(LIBRARY)
        .extracting(Scenario::id)
        .contains("twilio-happy-path", "whatsapp-happy-path", "viber-happy-path");
    Scenario whatsapp =
        LIBRARY.stream()
            .filter(s -> s.id().equals("whatsapp-happy-path"))
            .findFirst()
            .orElseThrow();
    assertThat(whatsapp.callbacks())
        .extracting(c -> c.status().orElseThrow() + "@" + c.at().toMillis())
        .containsExactly("sent@500", "delivered@2000", "read@5000");
  }

  @Test
  void libraryScenariosAreBoundNotMatchedAndSayWhatTheyReproduce() {
    assertThat(LIBRARY)
        .allSatisfy(
            s -> {
              assertThat(s.matchTo()).as(s.id() + " has no match.to").isEmpty();
              assertThat(s.id()).startsWith(s.provider() + "-");
              assertThat(s.description()).as(s.id()).hasSizeGreaterThan(30);
              assertThat(s.document().path("expect").path("status").asText())
                  .as(s.id() + " says what a service must show")
                  .isIn("SENT", "DELIVERED", "READ", "FAILED", "DELETED");
            });
  }
}

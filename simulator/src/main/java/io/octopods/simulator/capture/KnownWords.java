package io.octopods.simulator.capture;

import io.octopods.contracts.StatusModel;
import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.ScenarioLibrary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The status words known for a provider: those the status model maps (status-model.md section 4)
 * and those the scenario library plays, deliberately unmapped ones included.
 */
final class KnownWords {
  private KnownWords() {}

  static boolean known(String provider, String word) {
    return StatusModel.mappedStatus(provider, word) != null
        || Library.WORDS.getOrDefault(provider, Set.of()).contains(word);
  }

  /** Whether the status model maps the word (else the service records it as {@code unmapped}). */
  static boolean mapped(String provider, String word) {
    return StatusModel.mappedStatus(provider, word) != null;
  }

  private static final class Library {
    static final Map<String, Set<String>> WORDS = read();

    private static Map<String, Set<String>> read() {
      Map<String, Set<String>> words = new HashMap<>();
      for (Scenario s : ScenarioLibrary.shipped()) {
        s.callbacks()
            .forEach(
                step ->
                    step.status()
                        .ifPresent(
                            w -> words.computeIfAbsent(s.provider(), k -> new HashSet<>()).add(w)));
      }
      return words;
    }
  }
}

package io.octopods.simulator.core.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be played, with every problem found in it. */
public final class ScenarioRejected extends RuntimeException {
  private final transient List<ScenarioProblem> problems;

  public ScenarioRejected(String source, List<ScenarioProblem> problems) {
    super(
        "scenario "
            + source
            + " is invalid:\n  "
            + problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("\n  "))
            + "\nThe format is contracts/simulator/scenario.schema.json (see simulator/SCENARIOS.md).");
    this.problems = List.copyOf(problems);
  }

  public List<ScenarioProblem> problems() {
    return problems;
  }
}

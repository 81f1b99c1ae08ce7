package io.octopods.simulator.core.scenario;

/** One thing wrong with a scenario: where (a JSON Pointer into the document) and what. */
public record ScenarioProblem(String pointer, String detail) {
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(document)" : pointer) + ": " + detail;
  }
}

package io.octopods.features.harness;

import java.util.List;

/**
 * A check the harness could not run against this target, why, and the scenarios and properties it
 * would have run in (in the order met).
 */
public record SkippedCheck(String check, String reason, List<String> scenarios) {
  public SkippedCheck {
    scenarios = List.copyOf(scenarios);
  }
}

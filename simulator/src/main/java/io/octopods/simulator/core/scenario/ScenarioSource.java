package io.octopods.simulator.core.scenario;

import java.util.Locale;

/**
 * Where a scenario came from; also the order in which {@code match.to} is tried (uploads first).
 */
public enum ScenarioSource {
  UPLOAD,
  FOLDER,
  LIBRARY;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}

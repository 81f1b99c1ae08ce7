package io.octopods.features.properties;

import java.util.List;

/**
 * What {@link StatusOracle} says a generated scenario must leave behind once the clock has settled.
 *
 * @param finalStatus the public status on every surface
 * @param callbackEvents the history's callback events, in order: one per validly signed copy that
 *     was sent
 * @param hubspotTrail the public statuses of the message's HubSpot events, oldest first (UNKNOWN at
 *     creation, then one per public change)
 * @param conflicting whether the authentic reports disagree on the outcome (a failure and a
 *     delivery)
 */
public record Expectation(
    String finalStatus,
    List<ExpectedEvent> callbackEvents,
    List<String> hubspotTrail,
    boolean conflicting) {

  /**
   * The invariant a wrong final status breaks: I8 when failure and delivery reports disagree, else
   * I7.
   */
  public String outcomeInvariant() {
    return conflicting ? "I8" : "I7";
  }
}

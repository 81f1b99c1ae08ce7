package io.octopods.simulator.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A script for one provider: how its send API answers each attempt, and which callbacks follow.
 *
 * @param document the scenario as written (normalised to JSON), served back by the admin API
 */
public record Scenario(
    String id,
    String provider,
    String description,
    Optional<Pattern> matchTo,
    List<SendAttempt> send,
    boolean callbacksOnReject,
    List<CallbackStep> callbacks,
    JsonNode document) {

  /** The answer to the n-th send attempt (0-based) of one message: the last one repeats. */
  public SendAttempt attempt(int n) {
    return send.get(Math.min(n, send.size() - 1));
  }

  public boolean matches(String recipient) {
    return matchTo.map(p -> p.matcher(recipient).matches()).orElse(false);
  }
}

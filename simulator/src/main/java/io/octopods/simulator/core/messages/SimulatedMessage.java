package io.octopods.simulator.core.messages;

import io.octopods.simulator.core.scenario.CallbackStep;
import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.SendAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One message as the simulated provider knows it: created by the first send attempt, played by one scenario. */
public final class SimulatedMessage {
  private final long seq;
  private final String provider;
  private final String providerMessageId;
  private final String to;
  private final Scenario scenario;
  private final Instant receivedAt;
  private final Optional<String> correlation;
  private final Map<String, String> facts;
  private final String initialStatus;
  private final boolean silent;
  private final List<SendAttempt.Respond> answers = new ArrayList<>();
  private final List<Played> played = new ArrayList<>();
  private Instant callbacksFrom;

  /** A step's due time and provider word, for the provider-side status. */
  private record Played(Instant due, String status) {}

  /**
   * @param facts what the send carried that callbacks echo (Twilio: {@code From}, {@code StatusCallback},
   *     {@code AccountSid}; WhatsApp: {@code biz_opaque_callback_data}; ...)
   * @param silent no callbacks at all (Twilio's test credentials)
   */
  public SimulatedMessage(long seq, String provider, String providerMessageId, String to, Scenario scenario,
      Instant receivedAt, Optional<String> correlation, Map<String, String> facts, String initialStatus,
      boolean silent) {
    this.seq = seq;
    this.provider = provider;
    this.providerMessageId = providerMessageId;
    this.to = to;
    this.scenario = scenario;
    this.receivedAt = receivedAt;
    this.correlation = correlation;
    this.facts = Map.copyOf(facts);
    this.initialStatus = initialStatus;
    this.silent = silent;
  }

  public long seq() {
    return seq;
  }

  public String provider() {
    return provider;
  }

  public String providerMessageId() {
    return providerMessageId;
  }

  public String to() {
    return to;
  }

  public Scenario scenario() {
    return scenario;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Optional<String> correlation() {
    return correlation;
  }

  public Optional<String> fact(String name) {
    return Optional.ofNullable(facts.get(name));
  }

  public boolean silent() {
    return silent;
  }

  /** Records a send attempt and returns its 0-based number. */
  public synchronized int recordAttempt(SendAttempt.Respond answer) {
    answers.add(answer);
    return answers.size() - 1;
  }

  public synchronized int attempts() {
    return answers.size();
  }

  /** True the first time callbacks are started for this message; they start once. */
  public synchronized boolean startCallbacks(Instant origin) {
    if (callbacksFrom != null) {
      return false;
    }
    callbacksFrom = origin;
    for (CallbackStep step : scenario.callbacks()) {
      step.status().ifPresent(s -> played.add(new Played(origin.plus(step.at()), s)));
    }
    return true;
  }

  /**
   * The provider-side status at an instant: the word of the last step whose time has passed (dropped and
   * badly signed ones included), else {@code failed} after a refused send, else the initial status.
   */
  public synchronized String status(Instant now) {
    String status = null;
    for (Played p : played) {
      if (!p.due().isAfter(now)) {
        status = p.status();
      }
    }
    if (status != null) {
      return status;
    }
    boolean everAccepted = answers.stream()
        .anyMatch(a -> a == SendAttempt.Respond.ACCEPT || a == SendAttempt.Respond.TIMEOUT);
    return !everAccepted && answers.contains(SendAttempt.Respond.REJECT) ? "failed" : initialStatus;
  }
}

package io.octopods.simulator.core.messages;

import io.octopods.simulator.core.scenario.CallbackStep;
import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.SendAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One message as the simulated provider knows it: created by the send attempt that the provider
 * accepted (or that callbacks follow although it was refused), with its own id, played by one
 * scenario.
 */
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
  private final int attempts;
  private final SendAttempt.Respond answer;
  private final CallbackSubscription subscription;
  private final List<Played> played = new ArrayList<>();
  private Instant callbacksFrom;

  /** A step's due time and provider word, for the provider-side status. */
  private record Played(Instant due, String status) {}

  /**
   * @param facts what the send carried that callbacks echo (Twilio: {@code From}, {@code
   *     StatusCallback}, {@code AccountSid}; WhatsApp: {@code biz_opaque_callback_data}; ...)
   * @param silent no callbacks at all (Twilio's test credentials)
   * @param attempts the send attempts of its recipient and correlation up to and including the one
   *     that created it
   * @param answer what that attempt was answered
   */
  public SimulatedMessage(
      long seq,
      String provider,
      String providerMessageId,
      String to,
      Scenario scenario,
      Instant receivedAt,
      Optional<String> correlation,
      Map<String, String> facts,
      String initialStatus,
      boolean silent,
      int attempts,
      SendAttempt.Respond answer,
      CallbackSubscription subscription) {
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
    this.attempts = attempts;
    this.answer = answer;
    this.subscription = subscription;
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

  public int attempts() {
    return attempts;
  }

  /** Whether the receiver wants this step sent (asked when it falls due). */
  public boolean subscribed(CallbackStep step) {
    return subscription.covers(step);
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
   * The provider-side status at an instant: the word of the last step whose time has passed
   * (dropped and badly signed ones included), else {@code failed} when the send that created it was
   * refused, else the initial status.
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
    return answer == SendAttempt.Respond.REJECT ? "failed" : initialStatus;
  }
}

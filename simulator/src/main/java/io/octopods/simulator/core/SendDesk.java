package io.octopods.simulator.core;

import io.octopods.simulator.core.callbacks.CallbackScheduler;
import io.octopods.simulator.core.callbacks.Delivery;
import io.octopods.simulator.core.clock.ScenarioClock;
import io.octopods.simulator.core.messages.CallbackSubscription;
import io.octopods.simulator.core.messages.MessageLedger;
import io.octopods.simulator.core.messages.SimulatedMessage;
import io.octopods.simulator.core.scenario.CallbackStep;
import io.octopods.simulator.core.scenario.Scenario;
import io.octopods.simulator.core.scenario.ScenarioCatalog;
import io.octopods.simulator.core.scenario.SendAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where every provider's send call lands. Distinct sends are never merged: every attempt the
 * provider accepts (or that callbacks follow although it was refused) creates a new provider
 * message with its own id and starts its callbacks. The pair (recipient, correlation) only counts
 * attempts, so that the n-th attempt of a pair gets the n-th answer of the scenario's {@code send}
 * list; attempts that create no message count too.
 */
public final class SendDesk {
  private final ScenarioClock clock;
  private final ScenarioCatalog catalog;
  private final MessageLedger ledger;
  private final CallbackScheduler scheduler;

  public SendDesk(
      ScenarioClock clock,
      ScenarioCatalog catalog,
      MessageLedger ledger,
      CallbackScheduler scheduler) {
    this.clock = clock;
    this.catalog = catalog;
    this.ledger = ledger;
    this.scheduler = scheduler;
  }

  /**
   * A send request as a provider room read it.
   *
   * @param to the normalised recipient
   * @param correlation our caller's echoed data that counts attempts of one send (empty text: none)
   * @param facts what callbacks echo (see {@link SimulatedMessage})
   * @param silent no callbacks (Twilio's test credentials)
   * @param subscription which callbacks the receiver wants, asked as each falls due
   */
  public record Arrival(
      String provider,
      String to,
      Optional<String> correlation,
      Map<String, String> facts,
      boolean silent,
      String initialStatus,
      Supplier<String> newProviderId,
      CallbackSubscription subscription) {
    public Arrival(
        String provider,
        String to,
        Optional<String> correlation,
        Map<String, String> facts,
        boolean silent,
        String initialStatus,
        Supplier<String> newProviderId) {
      this(
          provider,
          to,
          correlation,
          facts,
          silent,
          initialStatus,
          newProviderId,
          CallbackSubscription.ALL);
    }
  }

  /**
   * The answer this attempt gets, its 0-based number among the attempts of its (recipient,
   * correlation), and the provider message it created, if it created one.
   */
  public record Decision(Optional<SimulatedMessage> message, SendAttempt answer, int attemptNo) {
    /** The message an accepted answer names; an {@code accept} always creates one. */
    public SimulatedMessage created() {
      return message.orElseThrow(
          () ->
              new IllegalStateException(
                  "the attempt was answered "
                      + answer.respond().word()
                      + " and created no provider message"));
    }
  }

  public Decision receive(Arrival a) {
    Instant now = clock.now();
    Optional<String> correlation = a.correlation().filter(c -> !c.isEmpty());
    int attemptNo = ledger.countAttempt(a.provider(), a.to(), correlation) - 1;
    Scenario scenario = catalog.select(a.provider(), a.to());
    SendAttempt answer = scenario.attempt(attemptNo);
    if (!answer.createsMessage(scenario.callbacksOnReject())) {
      return new Decision(Optional.empty(), answer, attemptNo);
    }
    SimulatedMessage message =
        new SimulatedMessage(
            ledger.nextSeq(),
            a.provider(),
            a.newProviderId().get(),
            a.to(),
            scenario,
            now,
            correlation,
            a.facts(),
            a.initialStatus(),
            a.silent(),
            attemptNo + 1,
            answer.respond(),
            a.subscription());
    ledger.add(message);
    if (!message.silent() && message.startCallbacks(now)) {
      deliveries(message, now).forEach(scheduler::schedule);
    }
    return new Decision(Optional.of(message), answer, attemptNo);
  }

  /**
   * The deliveries of a message's script: batched steps join the one before; each repeated {@code
   * repeat} times.
   */
  static List<Delivery> deliveries(SimulatedMessage message, Instant origin) {
    List<List<CallbackStep>> groups = new ArrayList<>();
    for (CallbackStep step : message.scenario().callbacks()) {
      if (step.batch() != CallbackStep.Batch.NONE && !groups.isEmpty()) {
        groups.get(groups.size() - 1).add(step);
      } else {
        groups.add(new ArrayList<>(List.of(step)));
      }
    }
    List<Delivery> deliveries = new ArrayList<>();
    for (List<CallbackStep> group : groups) {
      Instant due = origin.plus(group.get(0).at());
      for (int copy = 1; copy <= group.get(0).repeat(); copy++) {
        deliveries.add(new Delivery(message, List.copyOf(group), copy, 1, due, due, null));
      }
    }
    return deliveries;
  }
}

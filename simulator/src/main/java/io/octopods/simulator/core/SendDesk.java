package io.octopods.simulator.core;

import io.octopods.simulator.core.callbacks.CallbackScheduler;
import io.octopods.simulator.core.callbacks.Delivery;
import io.octopods.simulator.core.clock.ScenarioClock;
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
 * Where every provider's send call lands: finds or creates the message (attempts with the same
 * correlation are one message), picks the answer for this attempt from its scenario, and starts the
 * callbacks from the first attempt that is accepted or times out.
 */
public final class SendDesk {
  private final ScenarioClock clock;
  private final ScenarioCatalog catalog;
  private final MessageLedger ledger;
  private final CallbackScheduler scheduler;

  public SendDesk(ScenarioClock clock, ScenarioCatalog catalog, MessageLedger ledger, CallbackScheduler scheduler) {
    this.clock = clock;
    this.catalog = catalog;
    this.ledger = ledger;
    this.scheduler = scheduler;
  }

  /**
   * A send request as a provider room read it.
   *
   * @param to the normalised recipient
   * @param correlation our caller's echoed data that makes attempts one message (empty: always new)
   * @param facts what callbacks echo (see {@link SimulatedMessage})
   * @param silent no callbacks (Twilio's test credentials)
   */
  public record Arrival(String provider, String to, Optional<String> correlation, Map<String, String> facts,
      boolean silent, String initialStatus, Supplier<String> newProviderId) {}

  /** The message, the answer this attempt gets, and its 0-based number. */
  public record Decision(SimulatedMessage message, SendAttempt answer, int attemptNo) {}

  public Decision receive(Arrival a) {
    Instant now = clock.now();
    SimulatedMessage message;
    synchronized (this) {
      message = a.correlation().flatMap(c -> ledger.byCorrelation(a.provider(), c)).orElse(null);
      if (message == null) {
        Scenario scenario = catalog.select(a.provider(), a.to());
        message = new SimulatedMessage(ledger.nextSeq(), a.provider(), a.newProviderId().get(), a.to(), scenario,
            now, a.correlation(), a.facts(), a.initialStatus(), a.silent());
        ledger.add(message);
      }
    }
    int n = message.attempts();
    SendAttempt answer = message.scenario().attempt(n);
    message.recordAttempt(answer.respond());
    if (!message.silent()
        && answer.respond().startsCallbacks(message.scenario().callbacksOnReject())
        && message.startCallbacks(now)) {
      deliveries(message, now).forEach(scheduler::schedule);
    }
    return new Decision(message, answer, n);
  }

  /** The deliveries of a message's script: batched steps join the one before; each repeated {@code repeat} times. */
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

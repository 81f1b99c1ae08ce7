package io.octopods.simulator.core.messages;

import io.octopods.simulator.core.scenario.CallbackStep;

/**
 * Which of a message's callbacks the receiver subscribed to (Viber's {@code event_types}), asked
 * when each falls due, so a subscription changed after the send still counts. A step not covered is
 * never sent.
 */
@FunctionalInterface
public interface CallbackSubscription {
  CallbackSubscription ALL = step -> true;

  boolean covers(CallbackStep step);
}

package io.octopods.simulator.core.callbacks;

import io.octopods.simulator.core.messages.SimulatedMessage;

/** How one provider puts a callback on the wire: payload shape, signature, retries. */
public interface CallbackFormat {
  /** Renders the payload and headers (signature included) of a delivery's steps. */
  OutgoingCallback render(Delivery delivery);

  /** When this provider tries a failed callback of this message again. */
  RetrySchedule retrySchedule(SimulatedMessage message);
}

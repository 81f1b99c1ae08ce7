package io.octopods.simulator.core.callbacks;

import io.octopods.simulator.core.messages.SimulatedMessage;
import io.octopods.simulator.core.scenario.CallbackStep;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One callback request to make: a step (with the WhatsApp steps batched into it), one copy of its
 * {@code repeat}, one attempt of the retry schedule.
 *
 * @param steps the step and the steps batched into it, in order
 * @param copy 1 to {@code repeat}
 * @param attempt 1 for the first try, then retries
 * @param rendered the callback as first rendered; retries send it again unchanged (null until
 *     rendered)
 */
public record Delivery(
    SimulatedMessage message,
    List<CallbackStep> steps,
    int copy,
    int attempt,
    Instant due,
    Instant firstDue,
    OutgoingCallback rendered) {

  /** Playing order: due time, then message arrival, then step, then copy. */
  public static final Comparator<Delivery> ORDER =
      Comparator.comparing(Delivery::due)
          .thenComparingLong(d -> d.message().seq())
          .thenComparingInt(d -> d.head().index())
          .thenComparingInt(Delivery::copy)
          .thenComparingInt(Delivery::attempt);

  public CallbackStep head() {
    return steps.get(0);
  }

  public Delivery rendered(OutgoingCallback callback) {
    return new Delivery(message, steps, copy, attempt, due, firstDue, callback);
  }

  public Delivery retryAt(Instant when) {
    return new Delivery(message, steps, copy, attempt + 1, when, firstDue, rendered);
  }
}

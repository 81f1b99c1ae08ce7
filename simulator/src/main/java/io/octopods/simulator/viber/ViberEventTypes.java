package io.octopods.simulator.viber;

import io.octopods.simulator.core.scenario.CallbackStep;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code event_types} of the last {@code set_webhook}: which callbacks Viber sends to the URL
 * it set. They hold while the webhook is that URL (a webhook set through {@code POST
 * /__sim/webhook} to another URL gets every event). A step whose word {@code event_types} cannot
 * name ({@code expired}, a raw step without status) is always sent.
 */
final class ViberEventTypes {
  /** The events {@code event_types} chooses from; leaving it out subscribes to all of them. */
  static final List<String> ALL =
      List.of("delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started");

  private record Subscription(String url, Set<String> eventTypes) {}

  private final AtomicReference<Optional<Subscription>> current =
      new AtomicReference<>(Optional.empty());

  /**
   * What a successful {@code set_webhook} asked for; an empty URL (the webhook removed) forgets it.
   */
  void set(String url, List<String> eventTypes) {
    current.set(
        url.isEmpty()
            ? Optional.empty()
            : Optional.of(new Subscription(url, Set.copyOf(eventTypes))));
  }

  /**
   * Whether Viber sends this step to {@code webhookUrl}, the webhook as it is when the step falls
   * due.
   */
  boolean covers(CallbackStep step, Optional<String> webhookUrl) {
    String event = step.status().orElse("");
    if (!ALL.contains(event)) {
      return true;
    }
    return current
        .get()
        .filter(s -> webhookUrl.map(s.url()::equals).orElse(false))
        .map(s -> s.eventTypes().contains(event))
        .orElse(true);
  }
}

package io.octopods.service.adapters.surfaces.hubspot;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.Outbox;
import io.octopods.service.application.ports.OutboxItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one claimed {@code hubspot} outbox item: reads the message (contact email, channel, failure reason) from the
 * store now, builds the event of the item's change, pushes it, and completes or reschedules the item.
 *
 * <ul>
 *   <li>{@code 201} / {@code 409}: done.
 *   <li>{@code 429}: rescheduled after HubSpot's wait, and the pusher stops calling HubSpot until then.
 *   <li>{@code 5xx}, {@code 401}/{@code 403}/{@code 408}, no connection, no answer: rescheduled with back-off; never
 *       given up (the event would be lost), at most {@link HubSpotBackoff#longest()} apart.
 *   <li>another {@code 4xx}: given up for this event (logged as an error, kept in the item's {@code last_error}) and
 *       marked done, so the message's later events are not held back forever by one HubSpot refuses.
 *   <li>no such message, no contact email, or a payload that is not a change: done, nothing pushed (logged).
 * </ul>
 */
public final class HubSpotPush {
  private static final Logger LOG = LoggerFactory.getLogger(HubSpotPush.class);

  private final MessageStore store;
  private final Outbox outbox;
  private final HubSpotTimeline hubspot;
  private final Clock clock;
  private final HubSpotBackoff backoff;

  public HubSpotPush(MessageStore store, Outbox outbox, HubSpotTimeline hubspot, Clock clock, HubSpotBackoff backoff) {
    this.store = store;
    this.outbox = outbox;
    this.hubspot = hubspot;
    this.clock = clock;
    this.backoff = backoff;
  }

  /**
   * Pushes the item and completes or reschedules it.
   *
   * @return until when HubSpot asked us not to call at all (a {@code 429}); empty otherwise
   */
  public Optional<Instant> run(OutboxItem item) {
    Optional<HubSpotEvent.Change> change = HubSpotEvent.Change.parse(item.payload());
    if (change.isEmpty()) {
      giveUp(item, "the payload '" + item.payload() + "' is not '<STATUS> <updated_at>'");
      return Optional.empty();
    }
    Optional<MessageRecord> found = store.inTransaction(tx -> tx.read(item.messageId()));
    if (found.isEmpty() || found.get().contactEmail().filter(e -> !e.isBlank()).isEmpty()) {
      LOG.warn("HubSpot event of message {} not pushed: {}", item.messageId(),
          found.isEmpty() ? "there is no such message" : "it has no contact email");
      outbox.complete(item.seq());
      return Optional.empty();
    }
    MessageRecord message = found.get();
    HubSpotEvent event = HubSpotEvent.of(message, message.contactEmail().get(), change.get().status(),
        change.get().updatedAt());
    PushOutcome outcome = hubspot.push(event);
    if (outcome instanceof PushOutcome.Pushed p) {
      if (p.alreadyThere()) {
        LOG.info("HubSpot event {} was there already (409): done", event.id());
      }
      outbox.complete(item.seq());
      return Optional.empty();
    }
    if (outcome instanceof PushOutcome.Rejected r) {
      giveUp(item, "event " + event.id() + " refused: " + r.why());
      return Optional.empty();
    }
    PushOutcome.Retry retry = (PushOutcome.Retry) outcome;
    int attempts = item.attempts() + 1;
    Duration wait = backoff.next(attempts, retry.asked(), retry.rateLimited());
    Instant next = clock.instant().plus(wait);
    String why = retry.why() + "; attempt " + attempts + ", next in " + wait;
    if (retry.rateLimited()) {
      LOG.info("HubSpot event {} rate limited: {}", event.id(), why);
    } else {
      LOG.warn("HubSpot event {} not pushed: {}", event.id(), why);
    }
    outbox.reschedule(item.seq(), next, attempts, why);
    return retry.rateLimited() ? Optional.of(next) : Optional.empty();
  }

  /** Done without an event; the reason stays in {@code last_error}. */
  private void giveUp(OutboxItem item, String why) {
    int attempts = item.attempts() + 1;
    LOG.error("HubSpot event of message {} (outbox item {}) given up after {} attempt(s): {}", item.messageId(),
        item.seq(), attempts, why);
    // kept out of reach for a while, so that another instance cannot take it between these two writes
    outbox.reschedule(item.seq(), clock.instant().plus(backoff.longest()), attempts, "gave up: " + why);
    outbox.complete(item.seq());
  }
}

package io.octopods.service.application.ports;

import io.octopods.service.application.HistoryEvent;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.PublicChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The HubSpot timeline events still to push (outbox items of kind {@code hubspot}, one per public
 * change of a message with a contact email, in status order per message), as the pusher and the
 * dead-letter API see them. An item is pending, done, or a dead letter: HubSpot refused it for
 * good, so it is kept with HubSpot's answer, out of the pending count and out of its message's
 * queue, until it is queued again.
 */
public interface HubSpotOutbox {
  /**
   * Claims until {@code leaseUntil} up to {@code limit} due heads, each the oldest pending item of
   * its message (dead letters do not hold a message's queue) and not leased by anyone else, oldest
   * due first, each with its message as stored now (empty when there is none). Several instances
   * never claim the same item. Throws {@link MessageStore.StorageUnavailable} when the store cannot
   * be reached.
   */
  List<Claimed> claimHeads(Instant now, int limit, Instant leaseUntil);

  /** Records in one transaction what became of claimed items; their leases end. */
  void settle(Settlement settlement);

  /** A workspace's dead letters, oldest refusal first, at most {@code limit}. */
  List<DeadLetter> deadLetters(String workspace, int limit);

  /**
   * Queues a workspace's dead letters again, due at {@code now} (all of them, or those of one
   * HubSpot event id {@code <message_id>-<STATUS>}); each goes back into its message's queue in its
   * old place, so a message's events are pushed oldest first. Answers how many were queued.
   */
  int requeue(String workspace, Optional<String> eventId, Instant now);

  /** A claimed item and its message. */
  record Claimed(OutboxItem item, Optional<MessageRecord> message) {
    /** The change the item carries; empty when its payload names none. */
    public Optional<PublicChange> change() {
      return PublicChange.parse(item.payload());
    }
  }

  /**
   * What became of a claim.
   *
   * @param done pushed (created, or there already): out of the queue for good
   * @param retries to be tried again later
   * @param refusals refused for good: kept as dead letters with HubSpot's answer, and a history
   *     event each
   * @param at when this was decided
   */
  record Settlement(List<Long> done, List<Retry> retries, List<Refusal> refusals, Instant at) {
    public Settlement {
      done = List.copyOf(done);
      retries = List.copyOf(retries);
      refusals = List.copyOf(refusals);
    }

    public boolean isEmpty() {
      return done.isEmpty() && retries.isEmpty() && refusals.isEmpty();
    }
  }

  /**
   * An item to try again at {@code dueAt}; {@code attempts} counts the failed tries, {@code why}
   * the last one.
   */
  record Retry(long seq, Instant dueAt, int attempts, String why) {}

  /**
   * An item HubSpot refused for good.
   *
   * @param httpStatus HubSpot's status for it: the call's, or the input's within a {@code 207}
   * @param hubspotBody HubSpot's answer for it: the body of the call, or the input's error of a
   *     {@code 207}
   * @param history the event that records the refusal in the message's history
   */
  record Refusal(
      long seq, int attempts, int httpStatus, String hubspotBody, HistoryEvent history) {}

  /**
   * A dead letter as kept.
   *
   * @param eventId HubSpot's event id, {@code <message_id>-<STATUS>}
   * @param change the public change the event shows
   * @param failedAt when HubSpot refused it
   */
  record DeadLetter(
      String eventId,
      String messageId,
      PublicChange change,
      int httpStatus,
      String hubspotBody,
      Instant failedAt) {}
}

package io.octopods.service.adapters.surfaces.hubspot;

import io.octopods.service.application.ports.OutboxItem;
import java.time.Instant;
import java.util.List;

/**
 * The {@code hubspot} outbox items a pusher may take: only the head of each message (its oldest item not done), so
 * item N+1 of a message is never pushed before item N is done, while different messages go in parallel.
 */
public interface HubSpotQueue {
  /**
   * Claims until {@code leaseUntil} up to {@code limit} due items, each the oldest undone {@code hubspot} item of its
   * message and not leased by anyone else; oldest due first. Several instances never claim the same item. Throws
   * {@link io.octopods.service.application.ports.MessageStore.StorageUnavailable} when the store cannot be reached.
   */
  List<OutboxItem> claimHeads(Instant now, int limit, Instant leaseUntil);
}

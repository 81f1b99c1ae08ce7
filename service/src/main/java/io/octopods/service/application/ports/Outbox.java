package io.octopods.service.application.ports;

import java.time.Instant;
import java.util.List;

/** The outbox as workers see it: claim due items for a while, then complete or reschedule them. */
public interface Outbox {
  /**
   * Claims up to {@code limit} due items of a kind until {@code leaseUntil}; an item whose worker
   * died becomes due again when its lease runs out. Several instances never claim the same item.
   */
  List<OutboxItem> claimDue(String kind, Instant now, int limit, Instant leaseUntil);

  void complete(long seq);

  void reschedule(long seq, Instant dueAt, int attempts, String lastError);
}

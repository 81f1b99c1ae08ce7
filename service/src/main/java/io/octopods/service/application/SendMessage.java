package io.octopods.service.application;

import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The send use case: the message ({@code QUEUED}), its hand-off and its first HubSpot event go into
 * one transaction; a worker hands it to the provider after the commit (the store wakes it). With an
 * idempotency key, the answer is kept in the same transaction, so a retried request gets the first
 * answer instead of a second send.
 */
public final class SendMessage {
  private final MessageStore store;
  private final Clock clock;

  public SendMessage(MessageStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A validated send request. */
  public record Request(
      String workspace, Channel channel, String to, String body, Optional<String> contactEmail) {}

  /** An idempotency key with the request's fingerprint and how the answer to keep is written. */
  public record Idempotency(
      String key, String requestHash, Function<MessageRecord, String> answerBody) {}

  public MessageRecord send(Request request, Optional<Idempotency> idempotency) {
    Instant now = clock.instant();
    MessageRecord message =
        new MessageRecord(
            UUID.randomUUID().toString(),
            request.workspace(),
            request.channel(),
            request.to(),
            request.body(),
            request.contactEmail(),
            Optional.empty(),
            Status.QUEUED,
            now,
            now,
            Optional.empty(),
            Map.of(Status.QUEUED, now));
    store.inTransaction(
        tx -> {
          tx.insert(message);
          tx.enqueue(OutboxItem.newItem(OutboxItem.HANDOFF, message.messageId(), "", now));
          if (message.contactEmail().isPresent()) {
            tx.enqueue(
                OutboxItem.newItem(
                    OutboxItem.HUBSPOT,
                    message.messageId(),
                    new PublicChange(message.status(), now).payload(),
                    now));
          }
          idempotency.ifPresent(
              i ->
                  tx.rememberAnswer(
                      request.workspace(),
                      i.key(),
                      new MessageStore.IdempotentAnswer(
                          i.requestHash(),
                          202,
                          i.answerBody().apply(message),
                          message.messageId())));
          return null;
        });
    return message;
  }
}

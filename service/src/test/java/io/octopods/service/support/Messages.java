package io.octopods.service.support;

import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Messages and reports for store-level tests. */
public final class Messages {
  private Messages() {}

  public static MessageRecord sent(String workspace, Channel channel, String providerId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new MessageRecord(
        UUID.randomUUID().toString(),
        workspace,
        channel,
        "+15551230001",
        "hello",
        Optional.of("a@example.com"),
        Optional.ofNullable(providerId),
        Status.SENT,
        now,
        now,
        Optional.empty(),
        Map.of(Status.QUEUED, now, Status.SENT, now));
  }

  public static IncomingReport report(Channel channel, String providerId, String word) {
    return new IncomingReport(
        channel,
        Optional.of(providerId),
        Optional.empty(),
        word,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "{\"status\":\"" + word + "\"}");
  }
}

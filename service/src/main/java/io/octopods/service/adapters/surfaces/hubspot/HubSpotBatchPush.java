package io.octopods.service.adapters.surfaces.hubspot;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.PublicChange;
import io.octopods.service.application.ports.HubSpotOutbox;
import io.octopods.service.application.ports.HubSpotOutbox.Claimed;
import io.octopods.service.application.ports.OutboxItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one claimed batch of {@code hubspot} outbox items (the heads of distinct messages) in one
 * {@code batch/create} call, follows up where the answer asks for it (two halves after a {@code
 * 413}, each event alone after a {@code 400}), and settles every item in one transaction: done,
 * retried with back-off, or a dead letter with a history event ({@link HubSpotAnswers} says which).
 * An item whose message is gone or has no contact email is done with nothing to push.
 */
final class HubSpotBatchPush {
  /**
   * How long a follow-up call waits for room in HubSpot's rate window before its events are retried
   * later.
   */
  static final Duration FOLLOW_UP_PATIENCE = Duration.ofSeconds(15);

  private static final long LOOK_AGAIN_NANOS = Duration.ofMillis(50).toNanos();
  private static final Logger LOG = LoggerFactory.getLogger(HubSpotBatchPush.class);

  private final HubSpotOutbox outbox;
  private final HubSpotTimeline hubspot;
  private final HubSpotPace pace;
  private final Clock clock;
  private final HubSpotBackoff backoff;
  private final BooleanSupplier running;

  HubSpotBatchPush(
      HubSpotOutbox outbox,
      HubSpotTimeline hubspot,
      HubSpotPace pace,
      Clock clock,
      HubSpotBackoff backoff,
      BooleanSupplier running) {
    this.outbox = outbox;
    this.hubspot = hubspot;
    this.pace = pace;
    this.clock = clock;
    this.backoff = backoff;
    this.running = running;
  }

  /**
   * Pushes the batch, whose first call's room in the rate window is already taken ({@link
   * HubSpotPace#tryStart}), and settles it.
   *
   * @return until when HubSpot asked that no call be made (a {@code 429}); empty otherwise
   */
  Optional<Instant> run(List<Claimed> claimed) {
    List<Long> done = new ArrayList<>();
    Map<HubSpotEvent, OutboxItem> events = new LinkedHashMap<>();
    for (Claimed c : claimed) {
      Optional<HubSpotEvent> event = eventOf(c);
      if (event.isPresent()) {
        events.put(event.get(), c.item());
      } else {
        done.add(c.item().seq());
      }
    }
    Map<String, PushOutcome> outcomes;
    if (events.isEmpty()) {
      pace.cancelled();
      outcomes = Map.of();
    } else {
      outcomes = send(new ArrayList<>(events.keySet()), true);
    }
    Instant now = clock.instant();
    Settling settling = new Settling(now, done);
    events.forEach((event, item) -> settling.add(event, item, outcomes.get(event.id())));
    outbox.settle(settling.settlement());
    settling.log(claimed.size());
    return settling.pauseUntil;
  }

  /**
   * The event of a claimed item; empty (nothing to push) when its message is gone or has no contact
   * email.
   */
  private static Optional<HubSpotEvent> eventOf(Claimed c) {
    Optional<PublicChange> change = c.change();
    Optional<MessageRecord> message = c.message();
    if (change.isEmpty()) {
      LOG.error(
          "HubSpot outbox item {} of message {} holds '{}', not '<STATUS> <updated_at>': nothing to push",
          c.item().seq(),
          c.item().messageId(),
          c.item().payload());
      return Optional.empty();
    }
    if (message.isEmpty() || message.get().contactEmail().filter(e -> !e.isBlank()).isEmpty()) {
      LOG.warn(
          "HubSpot event of message {} not pushed: {}",
          c.item().messageId(),
          message.isEmpty() ? "there is no such message" : "it has no contact email");
      return Optional.empty();
    }
    MessageRecord m = message.get();
    return Optional.of(
        HubSpotEvent.of(m, m.contactEmail().get(), change.get().status(), change.get().at()));
  }

  /** One call (and its follow-ups): the outcome of each event by id. */
  private Map<String, PushOutcome> send(List<HubSpotEvent> events, boolean roomTaken) {
    Map<String, PushOutcome> outcomes = new LinkedHashMap<>();
    if (!roomTaken && !awaitRoom()) {
      PushOutcome later =
          new PushOutcome.Retry(
              "no room in HubSpot's rate window for a follow-up call within " + FOLLOW_UP_PATIENCE,
              Optional.empty(),
              false);
      events.forEach(e -> outcomes.put(e.id(), later));
      return outcomes;
    }
    HubSpotTimeline.Reply reply;
    try {
      reply = hubspot.push(events);
    } catch (RuntimeException e) {
      pace.cancelled();
      throw e;
    }
    pace.ended(reply.window(), reply.at());
    BatchAnswer answer = reply.answer();
    if (answer instanceof BatchAnswer.PerEvent perEvent) {
      events.forEach(e -> outcomes.put(e.id(), perEvent.of(e.id())));
    } else if (answer instanceof BatchAnswer.Whole whole) {
      events.forEach(e -> outcomes.put(e.id(), whole.outcome()));
    } else if (answer instanceof BatchAnswer.Halves halves) {
      LOG.info(
          "HubSpot refused a batch of {} events as too large ({}); sending it in two halves",
          events.size(),
          halves.why());
      int middle = events.size() / 2;
      outcomes.putAll(send(events.subList(0, middle), false));
      outcomes.putAll(send(events.subList(middle, events.size()), false));
    } else {
      LOG.info(
          "HubSpot refused a batch of {} events ({}); sending each alone once",
          events.size(),
          ((BatchAnswer.EachAlone) answer).why());
      events.forEach(e -> outcomes.putAll(send(List.of(e), false)));
    }
    return outcomes;
  }

  /**
   * Waits (on the service's clock) for room in HubSpot's rate window, and takes it; false when it
   * gave up.
   */
  private boolean awaitRoom() {
    long giveUpAt = System.nanoTime() + FOLLOW_UP_PATIENCE.toNanos();
    while (running.getAsBoolean() && System.nanoTime() < giveUpAt) {
      Instant now = clock.instant();
      Optional<Instant> until = pace.tryStart(now);
      if (until.isEmpty()) {
        return true;
      }
      LockSupport.parkNanos(
          Math.max(1, Math.min(LOOK_AGAIN_NANOS, Duration.between(now, until.get()).toNanos())));
    }
    return false;
  }

  /** Turns outcomes into one settlement. */
  private final class Settling {
    private final Instant now;
    private final List<Long> done;
    private final List<HubSpotOutbox.Retry> retries = new ArrayList<>();
    private final List<HubSpotOutbox.Refusal> refusals = new ArrayList<>();
    private Optional<Instant> pauseUntil = Optional.empty();
    private int alreadyThere;
    private String retryReason;

    Settling(Instant now, List<Long> done) {
      this.now = now;
      this.done = done;
    }

    void add(HubSpotEvent event, OutboxItem item, PushOutcome outcome) {
      int attempts = item.attempts() + 1;
      if (outcome instanceof PushOutcome.Pushed pushed) {
        done.add(item.seq());
        alreadyThere += pushed.alreadyThere() ? 1 : 0;
      } else if (outcome instanceof PushOutcome.Refused refused) {
        LOG.warn(
            "HubSpot refused event {} for good (HTTP {}): {}; kept as a dead letter",
            event.id(),
            refused.status(),
            refused.why());
        refusals.add(
            new HubSpotOutbox.Refusal(
                item.seq(),
                attempts,
                refused.status(),
                refused.body(),
                DeadLetterHistory.of(event, refused, now)));
      } else {
        PushOutcome.Retry retry = (PushOutcome.Retry) outcome;
        Duration wait = backoff.next(attempts, retry.asked(), retry.rateLimited());
        Instant next = now.plus(wait);
        retries.add(
            new HubSpotOutbox.Retry(
                item.seq(),
                next,
                attempts,
                retry.why() + "; attempt " + attempts + ", next in " + wait));
        retryReason = retry.why();
        if (retry.rateLimited() && pauseUntil.map(next::isAfter).orElse(true)) {
          pauseUntil = Optional.of(next);
        }
      }
    }

    HubSpotOutbox.Settlement settlement() {
      return new HubSpotOutbox.Settlement(done, retries, refusals, now);
    }

    void log(int claimed) {
      if (!retries.isEmpty()) {
        LOG.info(
            "HubSpot: {} of {} events to be retried ({})", retries.size(), claimed, retryReason);
      }
      if (alreadyThere > 0) {
        LOG.info("HubSpot: {} of {} events were there already (409): done", alreadyThere, claimed);
      }
    }
  }
}

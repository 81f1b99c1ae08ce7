package io.octopods.simulator.core.callbacks;

import io.octopods.simulator.core.callbacks.JournaledAttempt.Outcome;
import io.octopods.simulator.core.clock.ScenarioClock;
import io.octopods.simulator.core.http.KeptAliveConnections;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;

/**
 * Makes one callback request, journals it, and says when to try again. The webhook URL's scheme
 * decides: an {@code https} URL is called over TLS, and a certificate its trust refuses is
 * journaled as a {@code connect-error} (no connection was made, as a real provider would count it).
 */
public final class CallbackDispatcher {
  private final ScenarioClock clock;
  private final CallbackJournal journal;
  private final CallbackTargets targets;
  private final Function<String, CallbackFormat> formats;
  private final Duration timeout;
  private final KeptAliveConnections http;

  public CallbackDispatcher(
      ScenarioClock clock,
      CallbackJournal journal,
      CallbackTargets targets,
      Function<String, CallbackFormat> formats,
      Duration timeout) {
    this(
        clock,
        journal,
        targets,
        formats,
        timeout,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /**
   * As above, with {@code tls} deciding which certificates of {@code https} webhooks are trusted.
   */
  public CallbackDispatcher(
      ScenarioClock clock,
      CallbackJournal journal,
      CallbackTargets targets,
      Function<String, CallbackFormat> formats,
      Duration timeout,
      SSLSocketFactory tls) {
    this.clock = clock;
    this.journal = journal;
    this.targets = targets;
    this.formats = formats;
    this.timeout = timeout;
    this.http = new KeptAliveConnections(timeout, timeout, tls);
  }

  /**
   * Delivers now; returns the journaled attempt and, when it failed and the provider retries, the
   * retry.
   */
  public Result deliver(Delivery delivery) {
    String provider = delivery.message().provider();
    CallbackFormat format = formats.apply(provider);
    OutgoingCallback callback;
    try {
      callback = delivery.rendered() != null ? delivery.rendered() : format.render(delivery);
    } catch (RuntimeException e) {
      OutgoingCallback nothing =
          new OutgoingCallback(
              null,
              Map.of(),
              ("the step could not be rendered: " + e.getMessage())
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new Result(
          record(delivery.rendered(nothing), null, Outcome.RENDER_ERROR, null, null, null),
          Optional.empty());
    }
    Delivery rendered = delivery.rendered(callback);
    if (delivery.head().drop()) {
      return new Result(
          record(rendered, null, Outcome.DROPPED, null, null, null), Optional.empty());
    }
    Instant sentAt = clock.now();
    long started = System.nanoTime();
    Outcome outcome;
    Integer code = null;
    if (callback.url() == null || callback.url().isEmpty()) {
      outcome =
          Outcome.CONNECT_ERROR; // no webhook URL set: as a real provider with nowhere to call
    } else {
      try {
        code =
            http.post(
                targets.connectTarget(provider, callback.url()),
                callback.headers(),
                callback.body());
        outcome = Outcome.ANSWERED;
      } catch (KeptAliveConnections.ConnectFailed e) {
        outcome = Outcome.CONNECT_ERROR; // refused, unreachable, or a TLS handshake that failed
      } catch (SocketTimeoutException e) {
        outcome = Outcome.TIMEOUT;
      } catch (IOException | IllegalArgumentException e) {
        outcome = Outcome.CONNECT_ERROR; // the connection broke, or the URL cannot be called
      }
    }
    Long latencyMs = (System.nanoTime() - started) / 1_000_000;
    boolean delivered = outcome == Outcome.ANSWERED && code / 100 == 2;
    Optional<Delivery> retry = Optional.empty();
    if (!delivered) {
      retry =
          format
              .retrySchedule(delivery.message())
              .next(
                  delivery.attempt(),
                  Duration.between(delivery.firstDue(), delivery.due()),
                  outcome,
                  code)
              .map(wait -> rendered.retryAt(clock.now().plus(wait)));
    }
    JournaledAttempt attempt =
        record(rendered, sentAt, outcome, code, latencyMs, retry.map(Delivery::due).orElse(null));
    return new Result(attempt, retry);
  }

  private JournaledAttempt record(
      Delivery d,
      Instant sentAt,
      Outcome outcome,
      Integer code,
      Long latencyMs,
      Instant nextRetryAt) {
    OutgoingCallback c = d.rendered();
    JournaledAttempt attempt =
        new JournaledAttempt(
            journal.nextSeq(),
            d.message().provider(),
            d.message().providerMessageId(),
            d.head().index(),
            d.head().status().orElse(null),
            d.attempt(),
            d.due(),
            sentAt,
            c.url(),
            Map.copyOf(c.headers()),
            c.bodyText(),
            d.head().signature().word(),
            outcome,
            code,
            latencyMs,
            nextRetryAt);
    journal.record(attempt);
    return attempt;
  }

  /** A journaled attempt and the retry it calls for, if any. */
  public record Result(JournaledAttempt attempt, Optional<Delivery> retry) {}
}

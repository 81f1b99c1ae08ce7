package io.octopods.service.adapters.reconciliation.twilio;

import io.octopods.service.adapters.reconciliation.Reconciler;
import io.octopods.service.adapters.webhooks.IncomingReports;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.application.ports.ReconciliationQueries;
import io.octopods.service.domain.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Asks Twilio about an SMS that has no final report (edge-cases.md E1) and applies the answer as a
 * report with source {@code reconciliation}, through {@link ReportIntake}, so the engine decides as
 * for a callback (an answer that changes nothing is recorded as {@code duplicate} or {@code stale}:
 * the history shows the check).
 *
 * <ul>
 *   <li>A message with a SID is fetched: {@code GET .../Messages/{Sid}.json}; its {@code status}
 *       and {@code error_code} / {@code error_message} are the report.
 *   <li>A message without one (its hand-off timed out, status-model.md section 4) is looked up by
 *       listing the messages to its recipient sent since the day before it was created: among those
 *       with our body that no other message of ours holds, the one created closest to our {@code
 *       created_at}. Its SID is learnt with the report (our id goes with it, so the report can only
 *       land on this message).
 * </ul>
 *
 * Never sends. Twilio out of reach, an error answer or no match is the check's outcome, not an
 * exception.
 */
public final class TwilioReconciler implements Reconciler {
  private final TwilioMessagesApi api;
  private final ReportIntake intake;
  private final ReconciliationQueries queries;
  private final Duration timeout;

  /**
   * @param baseUrl the host root ({@code https://api.twilio.com}), as for the send
   * @param timeout {@code OCTOPODS_PROVIDER_TIMEOUT}
   */
  public TwilioReconciler(
      String baseUrl,
      String accountSid,
      String authToken,
      Duration timeout,
      ReportIntake intake,
      ReconciliationQueries queries) {
    this(baseUrl, accountSid, authToken, timeout, intake, queries, Clock.systemUTC());
  }

  public TwilioReconciler(
      String baseUrl,
      String accountSid,
      String authToken,
      Duration timeout,
      ReportIntake intake,
      ReconciliationQueries queries,
      Clock clock) {
    this.api = new TwilioMessagesApi(baseUrl, accountSid, authToken, timeout, clock);
    this.intake = intake;
    this.queries = queries;
    this.timeout = timeout;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public Duration longestCheck() {
    return timeout.multipliedBy(2L * TwilioMessagesApi.mostCalls());
  }

  @Override
  public String check(MessageRecord message) {
    if (message.providerMessageId().isPresent()) {
      return fetch(message, message.providerMessageId().get());
    }
    return lookUp(message);
  }

  private String fetch(MessageRecord message, String sid) {
    TwilioMessagesApi.Result r = api.fetch(sid);
    if (r.failure().isPresent()) {
      return "fetch of " + sid + " failed: " + r.failure().get();
    }
    TwilioMessagesApi.Resource resource = r.resources().get(0);
    if (!sid.equals(resource.sid())) {
      return "fetch of "
          + sid
          + " answered another message, "
          + resource.sid()
          + "; nothing applied";
    }
    apply(message, resource);
    return "fetched " + sid + ": Twilio says '" + resource.status() + "'" + errorOf(resource);
  }

  private String lookUp(MessageRecord message) {
    LocalDate since = message.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
    TwilioMessagesApi.Result r = api.list(message.to(), since);
    if (r.failure().isPresent()) {
      return "list of messages to " + message.to() + " failed: " + r.failure().get();
    }
    Optional<TwilioMessagesApi.Resource> match = pick(message, r.resources());
    if (match.isEmpty()) {
      return "no message to "
          + message.to()
          + " with this body, sent since "
          + since
          + ", that no other message "
          + "holds ("
          + r.resources().size()
          + " listed); the hand-off may never have reached Twilio";
    }
    TwilioMessagesApi.Resource resource = match.get();
    apply(message, resource);
    return "found "
        + resource.sid()
        + " by recipient and send time: Twilio says '"
        + resource.status()
        + "'"
        + errorOf(resource);
  }

  /**
   * Our message among Twilio's: same recipient and body, not another message's SID, created closest
   * to ours.
   */
  Optional<TwilioMessagesApi.Resource> pick(
      MessageRecord message, List<TwilioMessagesApi.Resource> listed) {
    return listed.stream()
        .filter(res -> !res.sid().isBlank())
        .filter(
            res -> res.text("direction").isEmpty() || res.text("direction").startsWith("outbound"))
        .filter(res -> sameNumber(res.text("to"), message.to()))
        .filter(
            res ->
                res.json().path("body").isNull()
                    || res.json().path("body").isMissingNode()
                    || message.body().equals(res.json().path("body").asText()))
        .filter(
            res ->
                queries
                    .holderOf(Channel.SMS, res.sid())
                    .map(message.messageId()::equals)
                    .orElse(true))
        .min(Comparator.comparing(res -> distance(created(res), message.createdAt())));
  }

  private void apply(MessageRecord message, TwilioMessagesApi.Resource resource) {
    IncomingReport report =
        IncomingReports.of(
            Channel.SMS,
            resource.sid(),
            message.messageId(),
            resource.status(),
            Optional.empty(),
            resource.text("error_code"),
            resource.text("error_message"),
            resource.raw());
    intake.apply(List.of(report), "reconciliation");
  }

  private static String errorOf(TwilioMessagesApi.Resource resource) {
    String code = resource.text("error_code");
    return code.isEmpty() ? "" : " (error " + code + ")";
  }

  private static boolean sameNumber(String theirs, String ours) {
    return theirs.isEmpty() || digits(theirs).equals(digits(ours));
  }

  private static String digits(String number) {
    return number.replaceAll("[^0-9]", "");
  }

  private static Optional<Instant> created(TwilioMessagesApi.Resource resource) {
    for (String field : new String[] {"date_created", "date_sent"}) {
      String value = resource.text(field);
      if (!value.isEmpty()) {
        try {
          return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value, Instant::from));
        } catch (DateTimeParseException ignored) {
          // try the next field
        }
      }
    }
    return Optional.empty();
  }

  private static Duration distance(Optional<Instant> theirs, Instant ours) {
    return theirs.map(t -> Duration.between(t, ours).abs()).orElse(Duration.ofDays(365_000));
  }
}

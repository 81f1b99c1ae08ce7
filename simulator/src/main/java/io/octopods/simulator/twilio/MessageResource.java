package io.octopods.simulator.twilio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.messages.SimulatedMessage;
import io.octopods.simulator.core.scenario.CallbackStep;
import java.time.Instant;
import java.util.Optional;

/**
 * Twilio's Message resource (providers.md 1.2) for a simulated message: as created (the initial
 * status), or as fetched at an instant (the provider-side status, with the error code of the step
 * that set a failure).
 */
final class MessageResource {
  static final String API_VERSION = "2010-04-01";
  private static final int GSM_SINGLE = 160;
  private static final int GSM_PART = 153;
  private static final int UCS2_SINGLE = 70;
  private static final int UCS2_PART = 67;

  private MessageResource() {}

  /**
   * The create answer: Twilio answers the initial status ({@code queued}, or {@code accepted} with
   * a service).
   */
  static ObjectNode created(SimulatedMessage m) {
    return render(m, initialStatus(m), Optional.empty(), m.receivedAt());
  }

  /** The fetch answer at {@code now}. */
  static ObjectNode at(SimulatedMessage m, CreatedMessages.Created created, Instant now) {
    String status = m.status(now);
    Optional<CallbackStep> step =
        stepThatSet(m, created.origin(), now).filter(s -> s.statusOr("").equals(status));
    Instant updated = step.map(s -> created.origin().plus(s.at())).orElse(m.receivedAt());
    return render(m, status, step, updated);
  }

  static String initialStatus(SimulatedMessage m) {
    return m.fact("MessagingServiceSid").isPresent() ? "accepted" : "queued";
  }

  static String uri(String accountSid, String sid) {
    return "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json";
  }

  /**
   * The last step (in script order) whose time has passed, as the provider-side status counts it.
   */
  private static Optional<CallbackStep> stepThatSet(
      SimulatedMessage m, Instant origin, Instant now) {
    CallbackStep last = null;
    for (CallbackStep step : m.scenario().callbacks()) {
      if (step.status().isPresent() && !origin.plus(step.at()).isAfter(now)) {
        last = step;
      }
    }
    return Optional.ofNullable(last);
  }

  private static ObjectNode render(
      SimulatedMessage m, String status, Optional<CallbackStep> step, Instant updated) {
    String account = m.fact("AccountSid").orElse(TwilioSimulator.ACCOUNT_SID);
    Optional<String> service = m.fact("MessagingServiceSid");
    ObjectNode o =
        Json.object()
            .put("sid", m.providerMessageId())
            .put("account_sid", account)
            .put("messaging_service_sid", service.orElse(null))
            .put("api_version", API_VERSION)
            .put(
                "from",
                m.fact("From")
                    .orElse("accepted".equals(status) ? null : TwilioSimulator.DEFAULT_FROM))
            .put("to", m.fact("To").orElse(m.to()))
            .put("body", m.fact("Body").orElse(""))
            .put("status", status)
            .put("direction", "outbound-api")
            .put(
                "num_segments",
                service.isPresent() && "accepted".equals(status)
                    ? "0"
                    : segments(m.fact("Body").orElse("")))
            .put("num_media", m.fact("NumMedia").orElse("0"))
            .putNull("price")
            .putNull("price_unit");
    Optional<String> error =
        step.filter(s -> "failed".equals(status) || "undelivered".equals(status))
            .flatMap(CallbackStep::error);
    if (error.isPresent() && error.get().matches("\\d{1,9}")) {
      o.put("error_code", Integer.parseInt(error.get()))
          .put("error_message", TwilioErrors.title(error.get()));
    } else {
      o.putNull("error_code").putNull("error_message");
    }
    o.put("date_created", TwilioDates.rfc2822(m.receivedAt()))
        .put("date_sent", TwilioDates.rfc2822(m.receivedAt()))
        .put("date_updated", TwilioDates.rfc2822(updated))
        .put("uri", uri(account, m.providerMessageId()));
    o.putObject("subresource_uris")
        .put(
            "media",
            "/2010-04-01/Accounts/"
                + account
                + "/Messages/"
                + m.providerMessageId()
                + "/Media.json");
    return o;
  }

  /**
   * SMS segments: 160 GSM-7 characters in one, 153 per part above; 70 and 67 for UCS-2. ASCII
   * stands for GSM-7 here (an approximation: Twilio also counts GSM's extension characters twice).
   */
  static String segments(String body) {
    if (body.isEmpty()) {
      return "1";
    }
    boolean gsm = body.chars().allMatch(c -> c < 128);
    int single = gsm ? GSM_SINGLE : UCS2_SINGLE;
    int part = gsm ? GSM_PART : UCS2_PART;
    int length = body.codePointCount(0, body.length());
    return String.valueOf(length <= single ? 1 : (length + part - 1) / part);
  }
}

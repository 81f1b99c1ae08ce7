package io.octopods.simulator.twilio;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.Recipients;
import io.octopods.simulator.core.SendDesk;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import io.octopods.simulator.core.scenario.SendAttempt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}: HTTP Basic, a form body, {@code
 * 201} with the Message resource or a Twilio error. The test account answers its magic numbers and
 * never calls back; the live account accepts any {@code From} and lets the scenario decide. Every
 * send Twilio accepts is a new message with its own SID, also one answered with an error ({@code
 * accepted: true}).
 */
final class TwilioSendRoute implements Route.Handler {
  static final String PROVIDER = "twilio";

  private final SimulatorContext ctx;
  private final CreatedMessages created;

  TwilioSendRoute(SimulatorContext ctx, CreatedMessages created) {
    this.ctx = ctx;
    this.created = created;
  }

  @Override
  public ResponseDefinition handle(Request request, Matcher path) {
    TwilioAccount.Access access = TwilioAccount.check(request, path.group(1));
    if (access.refusal().isPresent()) {
      return access.refusal().get().answer();
    }
    TwilioAccount account = access.account().orElseThrow();
    SendRequest send = SendRequest.of(FormParams.parse(request.getBodyAsString()));
    Optional<TwilioError> problem = send.problem();
    if (problem.isEmpty() && account == TwilioAccount.TEST) {
      problem = MagicNumbers.check(send);
    }
    if (problem.isPresent()) {
      return problem.get().answer();
    }
    SendDesk.Decision decision =
        ctx.desk()
            .receive(
                new SendDesk.Arrival(
                    PROVIDER,
                    Recipients.normalise(send.to().orElseThrow()),
                    send.correlation(),
                    facts(send, account),
                    account == TwilioAccount.TEST,
                    send.messagingServiceSid().isPresent() ? "accepted" : "queued",
                    () -> MessageSid.next(send.mediaCount() > 0)));
    decision
        .message()
        .ifPresent(m -> created.created(m.providerMessageId(), account, m.receivedAt()));
    return answer(decision, send);
  }

  /** What the message keeps for its resource and its callbacks. */
  private static Map<String, String> facts(SendRequest send, TwilioAccount account) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("AccountSid", account.sid());
    facts.put("To", send.to().orElseThrow());
    send.from().ifPresent(f -> facts.put("From", f));
    send.messagingServiceSid().ifPresent(s -> facts.put("MessagingServiceSid", s));
    send.body().ifPresent(b -> facts.put("Body", b));
    send.statusCallback().ifPresent(u -> facts.put("StatusCallback", u));
    facts.put("NumMedia", String.valueOf(send.mediaCount()));
    return facts;
  }

  private static ResponseDefinition answer(SendDesk.Decision decision, SendRequest send) {
    SendAttempt a = decision.answer();
    String to = send.to().orElseThrow();
    String from = send.from().orElse(null);
    ResponseDefinitionBuilder b =
        switch (a.respond()) {
          case ACCEPT ->
              Responses.builder(
                  a.httpStatus().orElse(201),
                  "application/json",
                  Json.write(MessageResource.created(decision.created())));
          case REJECT -> error(a, TwilioErrors.INVALID_TO, 400, to, from);
          case THROTTLE -> error(a, TwilioErrors.TOO_MANY_REQUESTS, 429, to, from);
          case SERVER_ERROR -> error(a, TwilioErrors.SERVER_ERROR, 500, to, from);
          case TIMEOUT -> null;
        };
    if (b == null) {
      return Responses.noAnswerAfter(a.delay());
    }
    if (a.retryAfter().isPresent()) {
      b = b.withHeader("Retry-After", String.valueOf(a.retryAfter().get().toSeconds()));
    }
    return b.withFixedDelay((int) a.delay().toMillis()).build();
  }

  /**
   * The scenario's code (or the default one) with Twilio's message, at the scenario's HTTP status
   * (or the default).
   */
  private static ResponseDefinitionBuilder error(
      SendAttempt a, int code, int status, String to, String from) {
    return TwilioErrors.create(
            a.error().orElse(String.valueOf(code)), a.httpStatus().orElse(status), to, from)
        .builder();
  }
}

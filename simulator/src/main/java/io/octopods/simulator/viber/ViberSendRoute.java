package io.octopods.simulator.viber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Recipients;
import io.octopods.simulator.core.SendDesk;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import io.octopods.simulator.core.scenario.SendAttempt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * {@code POST /pa/send_message}, answered by the scenario attempt. Accepted: HTTP 200, {@code
 * status} 0 and a 64-bit {@code message_token}; rejected: HTTP 200 with {@code status} 6 (or the
 * scenario's {@code error}); throttled: HTTP 200 with {@code status} 12; server error: HTTP 500
 * with an empty body (with a numeric {@code error}: the refusal body of that status; with a text
 * one: that text); timeout: the connection is held for {@code delay}, then closed. {@code
 * http_status} and {@code retry_after} override; {@code delay} holds every answer.
 */
final class ViberSendRoute implements Route.Handler {
  private final SimulatorContext ctx;
  private final ViberEventTypes subscribed;

  ViberSendRoute(SimulatorContext ctx, ViberEventTypes subscribed) {
    this.ctx = ctx;
    this.subscribed = subscribed;
  }

  @Override
  public ResponseDefinition handle(Request request, Matcher path) {
    SendMessage send;
    try {
      send = SendMessage.read(ViberCall.body(request));
    } catch (Refusal refusal) {
      return refusal.answer();
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put(ViberCallbacks.RECEIVER, send.receiver());
    send.trackingData().ifPresent(t -> facts.put(ViberCallbacks.TRACKING_DATA, t));
    SendDesk.Decision decision =
        ctx.desk()
            .receive(
                new SendDesk.Arrival(
                    ViberSimulator.NAME,
                    Recipients.normalise(send.receiver()),
                    send.trackingData(),
                    facts,
                    false,
                    "accepted",
                    MessageToken::next,
                    step -> subscribed.covers(step, ctx.targets().url(ViberSimulator.NAME))));
    return answer(decision);
  }

  private static ResponseDefinition answer(SendDesk.Decision decision) {
    SendAttempt a = decision.answer();
    ResponseDefinitionBuilder b =
        switch (a.respond()) {
          case ACCEPT -> ViberAnswers.json(a.httpStatus().orElse(200), accepted(decision));
          case REJECT ->
              ViberAnswers.json(
                  a.httpStatus().orElse(200),
                  ViberAnswers.scripted(a.error(), ViberStatus.RECEIVER_NOT_SUBSCRIBED));
          case THROTTLE ->
              ViberAnswers.json(
                  a.httpStatus().orElse(200),
                  ViberAnswers.scripted(a.error(), ViberStatus.TOO_MANY_REQUESTS));
          case SERVER_ERROR -> serverError(a);
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
   * HTTP 500: empty; with a numeric {@code error}, the refusal body of that status; with a text
   * one, that text.
   */
  private static ResponseDefinitionBuilder serverError(SendAttempt a) {
    int http = a.httpStatus().orElse(500);
    if (a.error().isEmpty()) {
      return Responses.builder(http, null, null);
    }
    return ViberStatus.code(a.error().get())
        .map(code -> ViberAnswers.json(http, ViberAnswers.refusal(code, ViberStatus.word(code))))
        .orElseGet(() -> Responses.builder(http, "text/plain; charset=utf-8", a.error().get()));
  }

  private static ObjectNode accepted(SendDesk.Decision decision) {
    ObjectNode o = ViberAnswers.ok();
    o.set("message_token", MessageToken.json(decision.created().providerMessageId()));
    return o.put("chat_hostname", ViberAnswers.CHAT_HOSTNAME).put("billing_status", 1);
  }
}

package io.octopods.simulator.twilio;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import io.octopods.simulator.core.messages.SimulatedMessage;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}.json}: the Message resource
 * with the provider-side status now (what a reconciliation job reads); {@code 404} with 20404 for a
 * SID the account never created; {@code 403} with 20008 for the test credentials, as at Twilio.
 */
final class TwilioFetchRoute implements Route.Handler {
  private final SimulatorContext ctx;
  private final CreatedMessages created;

  TwilioFetchRoute(SimulatorContext ctx, CreatedMessages created) {
    this.ctx = ctx;
    this.created = created;
  }

  @Override
  public ResponseDefinition handle(Request request, Matcher path) {
    TwilioAccount.Access access = TwilioAccount.check(request, path.group(1));
    if (access.refusal().isPresent()) {
      return access.refusal().get().answer();
    }
    if (access.account().orElseThrow() == TwilioAccount.TEST) {
      return TwilioErrors.testCredentials().answer();
    }
    String sid = path.group(2);
    Optional<CreatedMessages.Created> made =
        created.find(sid).filter(c -> c.account() == TwilioAccount.LIVE);
    Optional<SimulatedMessage> message = ctx.ledger().find(TwilioSendRoute.PROVIDER, sid);
    if (made.isEmpty() || message.isEmpty()) {
      return TwilioErrors.notFound(MessageResource.uri(path.group(1), sid)).answer();
    }
    return Responses.json(200, MessageResource.at(message.get(), made.get(), ctx.clock().now()));
  }
}

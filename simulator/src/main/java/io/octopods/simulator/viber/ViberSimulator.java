package io.octopods.simulator.viber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.callbacks.CallbackFormat;
import io.octopods.simulator.core.callbacks.CallbackTargets;
import io.octopods.simulator.core.http.Route;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Viber REST Bot API: {@code send_message}, {@code set_webhook} with its check event, and
 * signed {@code delivered} / {@code seen} / {@code failed} (and the simulated {@code expired})
 * receipts.
 */
public final class ViberSimulator implements ProviderSimulator {
  static final String NAME = "viber";

  /** Published default credentials, so that a deployed service can be pointed at the simulator. */
  public static final String AUTH_TOKEN = "octopods-viber-auth-token";

  /** The sender name the service uses by default (at most 28 characters). */
  public static final String SENDER_NAME = "Octopods";

  private final SimulatorContext ctx;
  private final ViberCallbacks callbacks;
  private final ViberEventTypes subscribed = new ViberEventTypes();

  public ViberSimulator(SimulatorContext ctx) {
    this.ctx = ctx;
    this.callbacks = new ViberCallbacks(ctx.targets());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(
            "viber.send_message",
            "POST",
            "/pa/send_message/?",
            Route.WIRE,
            new ViberSendRoute(ctx, subscribed)),
        Route.of(
            "viber.set_webhook",
            "POST",
            "/pa/set_webhook/?",
            Route.WIRE,
            new ViberSetWebhookRoute(ctx, subscribed)),
        Route.of(
            "viber.unknown",
            "ANY",
            "/(?!__).*",
            Route.FALLBACK,
            (r, m) ->
                Refusal.notFound(
                        r.getMethod().getName().toUpperCase(Locale.ROOT)
                            + " "
                            + r.getUrl()
                            + " is not simulated (POST /pa/send_message and POST /pa/set_webhook are)")
                    .answer()));
  }

  @Override
  public ObjectNode credentials() {
    return Json.object().put("auth_token", AUTH_TOKEN);
  }

  /** Viber signs callbacks with the bot's auth token. */
  @Override
  public String signingSecret() {
    return AUTH_TOKEN;
  }

  @Override
  public Optional<CallbackFormat> callbacks() {
    return Optional.of(callbacks);
  }

  /** Sends Viber's signed {@code webhook} check event, which must be answered 200. */
  @Override
  public void verifyWebhook(CallbackTargets.Webhook webhook) {
    new WebhookCheck(ctx.clock()).run(webhook.url().orElseThrow(), webhook.connectTo());
  }
}

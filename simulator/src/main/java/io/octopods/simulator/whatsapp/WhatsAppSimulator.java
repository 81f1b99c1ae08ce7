package io.octopods.simulator.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.callbacks.CallbackFormat;
import io.octopods.simulator.core.callbacks.CallbackTargets;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import java.util.List;
import java.util.Optional;

/**
 * The WhatsApp Cloud API (Meta Graph API): send message, status webhooks, the verification
 * handshake.
 */
public final class WhatsAppSimulator implements ProviderSimulator {
  /** Published default credentials, so that a deployed service can be pointed at the simulator. */
  public static final String ACCESS_TOKEN = "octopods-whatsapp-access-token";

  public static final String APP_SECRET = "octopods-whatsapp-app-secret";
  public static final String PHONE_NUMBER_ID = "106540352242922";
  public static final String DISPLAY_PHONE_NUMBER = "15550783881";
  public static final String WABA_ID = "102290129340398";
  public static final String API_VERSION = "v23.0";
  public static final String VERIFY_TOKEN = "octopods-verify-token";

  private final SimulatorContext ctx;
  private final WhatsAppCallbacks callbacks;

  public WhatsAppSimulator(SimulatorContext ctx) {
    this.ctx = ctx;
    this.callbacks = new WhatsAppCallbacks(ctx.targets());
  }

  @Override
  public String name() {
    return "whatsapp";
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(
            "whatsapp.send",
            "POST",
            "/(v\\d+\\.\\d+)/([^/]+)/messages",
            Route.WIRE,
            new WhatsAppSendRoute(ctx)),
        Route.of(
            "whatsapp.unknown",
            "ANY",
            "/(?!__).*",
            Route.FALLBACK,
            (r, m) ->
                Responses.json(
                    400,
                    WhatsAppErrors.graphError(
                        100,
                        "GraphMethodException",
                        "Unsupported "
                            + r.getMethod().getName().toLowerCase(java.util.Locale.ROOT)
                            + " request: "
                            + r.getUrl()
                            + " is not simulated (POST /{version}/{phone-number-id}/messages is)"))));
  }

  @Override
  public ObjectNode credentials() {
    return Json.object()
        .put("access_token", ACCESS_TOKEN)
        .put("app_secret", APP_SECRET)
        .put("phone_number_id", PHONE_NUMBER_ID)
        .put("api_version", API_VERSION)
        .put("verify_token", VERIFY_TOKEN);
  }

  @Override
  public String signingSecret() {
    return APP_SECRET;
  }

  @Override
  public Optional<CallbackFormat> callbacks() {
    return Optional.of(callbacks);
  }

  @Override
  public void verifyWebhook(CallbackTargets.Webhook webhook) {
    new MetaHandshake()
        .run(webhook.url().orElseThrow(), webhook.verifyToken().orElse(VERIFY_TOKEN));
  }
}

package io.octopods.simulator.twilio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.callbacks.CallbackFormat;
import io.octopods.simulator.core.http.Route;
import java.util.List;
import java.util.Optional;

/**
 * Twilio Programmable Messaging (SMS): Message create, fetch and list under {@code /2010-04-01}, a
 * live and a test account, and signed status callbacks to each message's {@code StatusCallback}.
 */
public final class TwilioSimulator implements ProviderSimulator {
  /** Published default credentials, so that a deployed service can be pointed at the simulator. */
  public static final String ACCOUNT_SID = "AC0c70b0d50c70b0d50c70b0d50c70b0d5";

  public static final String AUTH_TOKEN = "5ba7e0c70b0d5a5e17a1e5c0de5ec7e7";

  /**
   * Twilio's test credentials: magic numbers act, no message ever calls back (providers.md 1.8).
   */
  public static final String TEST_ACCOUNT_SID = "AC7e57ac0c70b0d57e57ac0c70b0d50001";

  public static final String TEST_AUTH_TOKEN = "7e570c70b0d5a17e5700000000000001";
  public static final String MESSAGING_SERVICE_SID = "MG0c70b0d55e541ce0c70b0d55e541ce01";

  /**
   * The default sender; also the test account's one passing {@code From}, so it works with both
   * accounts.
   */
  public static final String DEFAULT_FROM = MagicNumbers.PASSING_FROM;

  public static final String API_VERSION = MessageResource.API_VERSION;

  private static final String ACCOUNT = "/2010-04-01/Accounts/([^/]+)";

  private final SimulatorContext ctx;
  private final CreatedMessages created = new CreatedMessages();
  private final TwilioCallbacks callbacks = new TwilioCallbacks();

  public TwilioSimulator(SimulatorContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String name() {
    return TwilioSendRoute.PROVIDER;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(
            "twilio.messages.create",
            "POST",
            ACCOUNT + "/Messages(?:\\.json)?",
            Route.WIRE,
            new TwilioSendRoute(ctx, created)),
        Route.of(
            "twilio.messages.list",
            "GET",
            ACCOUNT + "/Messages(?:\\.json)?",
            Route.WIRE,
            new TwilioListRoute(ctx, created)),
        Route.of(
            "twilio.messages.fetch",
            "GET",
            ACCOUNT + "/Messages/([A-Za-z0-9]+)(?:\\.json)?",
            Route.WIRE,
            new TwilioFetchRoute(ctx, created)),
        Route.of(
            "twilio.unknown",
            "ANY",
            "/(?!__).*",
            Route.FALLBACK,
            (r, m) -> TwilioErrors.notFound(r.getUrl().replaceFirst("\\?.*", "")).answer()));
  }

  @Override
  public ObjectNode credentials() {
    return Json.object().put("account_sid", ACCOUNT_SID).put("auth_token", AUTH_TOKEN);
  }

  @Override
  public ObjectNode testCredentials() {
    return Json.object().put("account_sid", TEST_ACCOUNT_SID).put("auth_token", TEST_AUTH_TOKEN);
  }

  /** Twilio signs callbacks with the live account's auth token. */
  @Override
  public String signingSecret() {
    return AUTH_TOKEN;
  }

  @Override
  public Optional<CallbackFormat> callbacks() {
    return Optional.of(callbacks);
  }

  @Override
  public void reset() {
    created.reset();
  }
}

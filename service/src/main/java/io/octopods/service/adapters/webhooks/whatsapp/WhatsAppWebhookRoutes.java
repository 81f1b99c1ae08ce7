package io.octopods.service.adapters.webhooks.whatsapp;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.octopods.service.adapters.http.Problem;
import io.octopods.service.adapters.http.RouteGroup;
import io.octopods.service.adapters.webhooks.Hmac;
import io.octopods.service.adapters.webhooks.MalformedEnvelope;
import io.octopods.service.adapters.webhooks.WebhookProblems;
import io.octopods.service.adapters.webhooks.WebhookRequest;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.ReportIntake;
import java.util.List;

/**
 * {@code /webhooks/whatsapp} (api.md, "Provider webhooks"). {@code GET}: Meta's verification
 * handshake (2.3): {@code hub.mode=subscribe} with the configured {@code hub.verify_token} is
 * answered {@code 200} with {@code hub.challenge} as a plain-text body, anything else {@code 403}.
 * {@code POST}: a notification, answered in this order: {@code 413}, {@code 415} (not JSON), {@code
 * 401} when {@code X-Hub-Signature-256} does not sign the raw bytes (J4), {@code 400} when the
 * envelope cannot be read, else {@code 200} once every status in it is stored, ours applied and the
 * rest kept (C2, D2, L1, L2).
 */
public final class WhatsAppWebhookRoutes implements RouteGroup {
  public static final String PATH = "/webhooks/whatsapp";
  private static final String PROVIDER = "WhatsApp";

  private final String appSecret;
  private final String verifyToken;
  private final ReportIntake intake;

  /**
   * @param appSecret the App Secret Meta signs with ({@code OCTOPODS_WHATSAPP_APP_SECRET})
   * @param verifyToken the token of the handshake ({@code OCTOPODS_WHATSAPP_VERIFY_TOKEN})
   */
  public WhatsAppWebhookRoutes(String appSecret, String verifyToken, ReportIntake intake) {
    if (appSecret == null || appSecret.isEmpty()) {
      throw new IllegalArgumentException(
          "the WhatsApp App Secret is empty: set OCTOPODS_WHATSAPP_APP_SECRET (or "
              + "leave it unset for the simulator's)");
    }
    if (verifyToken == null || verifyToken.isEmpty()) {
      throw new IllegalArgumentException(
          "the WhatsApp verify token is empty: set OCTOPODS_WHATSAPP_VERIFY_TOKEN (or "
              + "leave it unset for the simulator's)");
    }
    this.appSecret = appSecret;
    this.verifyToken = verifyToken;
    this.intake = intake;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(PATH, this::handshake);
    routes.post(PATH, this::notification);
  }

  private void handshake(Context ctx) {
    String mode = ctx.queryParam("hub.mode");
    String token = ctx.queryParam("hub.verify_token");
    String challenge = ctx.queryParam("hub.challenge");
    if (!"subscribe".equals(mode) || !Hmac.sameText(verifyToken, token)) {
      Problem.of(
              403,
              "Verification refused",
              "this is Meta's webhook verification: it needs hub.mode=subscribe and "
                  + "the hub.verify_token configured in OCTOPODS_WHATSAPP_VERIFY_TOKEN; "
                  + (mode == null && token == null ? "neither was given" : "they do not match"))
          .writeTo(ctx);
      return;
    }
    if (challenge == null) {
      Problem.of(
              400,
              "Missing challenge",
              "the verification has no hub.challenge to echo: Meta always sends one")
          .writeTo(ctx);
      return;
    }
    ctx.status(200).contentType("text/plain; charset=utf-8").result(challenge);
  }

  private void notification(Context ctx) {
    WebhookRequest.requireDeclaredSize(ctx);
    WebhookRequest.requireJson(ctx, PROVIDER);
    byte[] body = WebhookRequest.body(ctx);
    String signature = ctx.header(MetaSignature.HEADER);
    if (signature == null || signature.isBlank()) {
      throw WebhookProblems.badSignature(
          PROVIDER, "has no " + MetaSignature.HEADER + " header", howSigned());
    }
    if (!MetaSignature.valid(appSecret, body, signature)) {
      throw WebhookProblems.badSignature(
          PROVIDER, "has a " + MetaSignature.HEADER + " that does not match its body", howSigned());
    }
    List<IncomingReport> reports;
    try {
      reports = WhatsAppNotification.read(body);
    } catch (MalformedEnvelope e) {
      throw WebhookProblems.malformed(PROVIDER, e);
    }
    intake.apply(reports, "callback");
    ctx.status(200);
  }

  private static String howSigned() {
    return "sha256= and the lowercase hex HMAC-SHA256 of the raw body, keyed with the App Secret";
  }
}
